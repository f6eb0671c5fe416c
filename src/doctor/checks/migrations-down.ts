import { blankComments } from '../sql-split.js';
import { upMigrations } from '../sql-schema.js';
import { fail, listSome, pass, warn, type DoctorCheck } from '../types.js';

/** Cheatsheet §5: every migration has a rollback. A down.sql holding only comments undoes nothing. */
export const migrationsDownCheck: DoctorCheck = {
  id: 'migrations-down',
  title: 'Migrations have downs',
  run(context) {
    const ups = upMigrations(context.files.list());
    if (ups.length === 0) return warn('no migrations/*/up.sql found', 'Keep the schema in migrations/<nnnn>_<name>/up.sql with a down.sql beside it.');
    const problems = ups.flatMap((up) => {
      const down = up.replace(/up\.sql$/, 'down.sql');
      const text = context.files.read(down);
      if (text === undefined) return [`${down} is missing`];
      return blankComments(text).trim() === '' ? [`${down} is empty`] : [];
    });
    if (problems.length > 0) return fail(listSome(problems), 'Write the SQL that undoes its up.sql (DROP what it creates, in reverse order), so `npm run db:rollback` works.');
    return pass(`${ups.length} migration${ups.length === 1 ? '' : 's'}, each with a non-empty down.sql`);
  },
};

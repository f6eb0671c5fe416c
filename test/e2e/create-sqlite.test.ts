import { describeDatabaseRuns } from './other-databases.js';

// --database sqlite: the runs test/helpers/e2e-combinations.ts lists for this file (see other-databases.ts).
describeDatabaseRuns('create-sqlite.test.ts');

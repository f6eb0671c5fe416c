import { readFileSync } from 'node:fs';
import { CommanderError, type Command } from 'commander';
import type { DoctorFlags } from './doctor-action.js';
import type { GenerateFlags } from './generate-action.js';
import { addAddOptions, addCreateOptions, createProgram, type AddFlags, type CreateFlags } from './program.js';

// Exit codes are duplicated here as literals on purpose: importing core/errors would be cheap, but
// every module on this path counts towards `--help` start-up time.
const EXIT_USAGE = 2;
const EXIT_FAILED = 1;
const EXIT_CANCELLED = 130;

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);

async function runAction(flags: { debug?: boolean; json?: boolean }, action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    const [{ printError }, { isCliError }] = await Promise.all([import('./output.js'), import('../core/errors.js')]);
    if (flags.json && isCliError(error)) {
      out(JSON.stringify({ ok: false, error: { code: error.code, message: error.message, hint: error.hint, details: error.details } }, null, 2));
    } else {
      printError(error, flags.debug ?? false, err);
    }
    return isCliError(error) ? error.exitCode : EXIT_FAILED;
  }
}

function attachCreate(command: Command, setExit: (code: number) => void): Command {
  return command.argument('[directory]', 'where to create the project (its name becomes the package name; "." for here)').action(async (directory: string | undefined, flags: CreateFlags) => {
    setExit(
      await runAction(flags, async () => {
        const { runCreate } = await import('./create-action.js');
        return runCreate(directory, flags, { cwd: process.cwd(), env: process.env, stdinIsTty: Boolean(process.stdin.isTTY), out, err });
      }),
    );
  });
}

async function parse(program: Command, argv: readonly string[], exit: { code: number }): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** `create-solid-backend [directory] [options]` */
export async function createMain(argv: readonly string[]): Promise<number> {
  const exit = { code: 0 };
  const program = createProgram('create-solid-backend', version).description('Generate a production-grade Fastify + TypeScript backend.');
  await addCreateOptions(program);
  attachCreate(program, (code) => (exit.code = code));
  return parse(program, argv, exit);
}

const context = () => ({ cwd: process.cwd(), env: process.env, stdinIsTty: Boolean(process.stdin.isTTY), out, err });

/** `solid-backend <command>`: the tool used inside and around generated projects. */
export async function solidMain(argv: readonly string[]): Promise<number> {
  const exit = { code: 0 };
  const program = createProgram('solid-backend', version).description('Create and extend solid-backend projects.');
  const create = program.command('create').description('generate a new project (same as create-solid-backend)');
  await addCreateOptions(create);
  attachCreate(create, (code) => (exit.code = code));
  const add = program
    .command('add')
    .argument('[features...]', 'what to add: docker, ci, email, webhooks, uploads, metrics, sentry, otel, k8s, or an option to switch: cache, queue, storage, auth')
    .description('add features to this project (or switch an option, e.g. `add cache --cache redis`), then install, migrate and test');
  await addAddOptions(add);
  add.action(async (features: string[], flags: AddFlags) => {
    exit.code = await runAction(flags, async () => {
      const { runAdd } = await import('./add-action.js');
      return runAdd(features, flags, context());
    });
  });
  const generate = program.command('generate').description('generate code inside this project');
  generate
    .command('resource')
    .argument('<name>', 'the resource, singular or plural: product, blog-post')
    .requiredOption('--fields <list>', 'comma list of name:type, `?` for optional: "title:string,price:number,published:boolean?"')
    .description('a CRUD resource built like users: migration, repository, service, controller, routes, RBAC, tests')
    .option('--force', 'run with uncommitted changes')
    .option('--dry-run', 'print the unified diff; write nothing')
    .option('--json', 'print one JSON result object (for CI; schema: schemas/cli-output.schema.json)')
    .option('-q, --quiet', "print nothing but errors and a failed step's output (for CI logs)")
    .option('--no-migrate', 'skip running database migrations')
    .option('--no-test', 'skip running the tests')
    .option('--debug', 'show stack traces')
    .action(async (name: string, flags: GenerateFlags) => {
      exit.code = await runAction(flags, async () => {
        const { runGenerateResource } = await import('./generate-action.js');
        return runGenerateResource(name, flags, context());
      });
    });
  program
    .command('doctor')
    .description("audit this project against the pre-launch checklist; exit 1 when a check fails")
    .option('--json', 'machine-readable output')
    .option('--no-test', 'do not run the test suite')
    .option('--no-audit', 'do not run the dependency audit')
    .option('--debug', 'show stack traces')
    .action(async (flags: DoctorFlags) => {
      exit.code = await runAction(flags, async () => {
        const { runDoctorCommand } = await import('./doctor-action.js');
        return runDoctorCommand(flags, context());
      });
    });
  program
    .command('list')
    .description('list the options, their values and the features they select')
    .option('--json', 'machine-readable output')
    .action(async (flags: { json?: boolean }) => {
      exit.code = await runAction(flags, async () => {
        const { runList } = await import('./list-action.js');
        return runList(process.cwd(), flags.json ?? false, out);
      });
    });
  return parse(program, argv, exit);
}

export { EXIT_CANCELLED };

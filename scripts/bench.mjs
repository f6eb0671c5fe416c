// npm run bench [-- --runs N --green-runs M --rounds N --seconds N --connections N --no-server --timeout-minutes N]
// Every figure in one run on this machine: the CLI's (medians of --runs), then the generated `full`
// server's under autocannon (medians of --rounds interleaved with a bare Fastify; see bench-server-run.mjs).
// Printed, never asserted: speed is measured, not tested. Starts and stops its own PostgreSQL and Redis,
// and ends by itself (--timeout-minutes bounds the whole run).
import { parseArgs } from 'node:util';
import { benchCli, printCli } from './bench-cli.mjs';
import { benchServer, printServer } from './bench-server-run.mjs';
import { startWatchdog } from './bench-support.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'green-runs': { type: 'string', default: '3' },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
    'no-server': { type: 'boolean', default: false },
    'timeout-minutes': { type: 'string', default: '30' },
  },
});
startWatchdog(Number(values['timeout-minutes']));

console.log('## CLI');
printCli(benchCli({ runs: Number(values.runs), greenRuns: Number(values['green-runs']) }));
if (!values['no-server']) {
  console.log('');
  console.log('## Generated server (full preset)');
  printServer(await benchServer({ rounds: Number(values.rounds), seconds: Number(values.seconds), connections: Number(values.connections) }));
}

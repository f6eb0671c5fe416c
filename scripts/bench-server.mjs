// npm run bench:server [-- --rounds N --seconds N --connections N --project DIR --timeout-minutes N]
// The generated server's figures only (npm run bench prints them after the CLI's). --project benches an
// already generated `full` project with its node_modules instead of generating and installing one.
import { parseArgs } from 'node:util';
import { benchServer, printServer } from './bench-server-run.mjs';
import { startWatchdog } from './bench-support.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
    project: { type: 'string' },
    'timeout-minutes': { type: 'string', default: '20' },
  },
});
startWatchdog(Number(values['timeout-minutes']));
const result = await benchServer({
  rounds: Number(values.rounds),
  seconds: Number(values.seconds),
  connections: Number(values.connections),
  project: values.project,
});
printServer(result);

#!/usr/bin/env node
// The only place that exits the process; everything below returns an exit code.
import { createMain, EXIT_CANCELLED } from '../dist/cli/main.js';
import { installSignalHandlers } from '../dist/cli/signals.js';

installSignalHandlers(EXIT_CANCELLED);
process.exitCode = await createMain(process.argv.slice(2));

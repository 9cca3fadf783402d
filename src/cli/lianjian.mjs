#!/usr/bin/env node
// The `lianjian` command: loads the TypeScript CLI through tsx, so it runs straight after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));

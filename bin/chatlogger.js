#!/usr/bin/env node
// The operators' command line: `npx chatlogger --help`. The code is TypeScript (src/cli/main.ts),
// run through tsx like the server (`node --import tsx src/main.ts`).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

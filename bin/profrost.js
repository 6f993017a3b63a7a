#!/usr/bin/env node
// The server and CLI are TypeScript; tsx compiles them on the fly so that the
// same sources run on Node 20.12+ without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli.ts');
await main(process.argv.slice(2));

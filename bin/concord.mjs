#!/usr/bin/env node
// `npx concord <command>`: runs the TypeScript CLI through tsx (no build step). A command for
// an embedded store a server owns is handed to that server before the commands are loaded.
import { register } from 'tsx/esm/api';

register();
const argv = process.argv.slice(2);
const { handOverIfOwned } = await import('../src/cli-handover.ts');
const handedOver = await handOverIfOwned(argv);
if (handedOver !== undefined) process.exitCode = handedOver;
else {
  const { runCli } = await import('../src/cli.ts');
  process.exitCode = await runCli(argv);
}

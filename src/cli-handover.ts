// The first thing `concord <command>` does: when a live server owns the embedded store, hand
// the command to it (src/store/handover.ts) and print what it prints; when another command owns
// it, refuse. Kept apart from the commands so that a handed-over command starts without loading
// them (readers, importers): only when nobody owns the folder does cli.ts run it here.
import { loadConfig } from './config.ts';
import { describeHolder, liveOwner } from './store/owner.ts';
import { handOver, HandoverUnreachable, type OutputSink } from './store/handover.ts';

/** The terminal: what a command prints when it runs in (or is handed over from) this process. */
export const terminal: OutputSink = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  write: (text) => void process.stdout.write(text),
};

/** This process's standard input, whole. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Exit code of a command refused because another process owns the store. */
export const inUseExitCode = 2;

const needsNoStore = new Set(['help', '--help', '-h']);

/**
 * Hands `argv` to the server owning the configured embedded store and resolves with its exit
 * code; refuses (exit 2) when a process that takes no commands owns it; resolves undefined when
 * the command is to run here (nobody owns it, PostgreSQL, help, a configuration error).
 */
export async function handOverIfOwned(argv: string[]): Promise<number | undefined> {
  const name = argv[0];
  if (!name || needsNoStore.has(name)) return undefined;
  let dataDir: string;
  try {
    const config = loadConfig();
    if (config.databaseUrl) return undefined;
    dataDir = config.dataDir;
  } catch {
    return undefined; // The command reports the configuration error itself.
  }
  const owner = await liveOwner(dataDir);
  if (!owner) return undefined;
  if (!owner.socket) {
    terminal.error(`concord ${name}: ${describeHolder(dataDir, owner)}`);
    return inUseExitCode;
  }
  try {
    const stdin = argv.includes('--password-stdin') ? await readStdin() : undefined;
    return await handOver(
      owner.socket,
      { token: owner.token, argv, cwd: process.cwd(), ...(stdin === undefined ? {} : { stdin }) },
      terminal,
    );
  } catch (error) {
    // The server stopped in between: the command runs here (or is refused when it opens the store).
    if (error instanceof HandoverUnreachable) return undefined;
    terminal.error(`concord ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

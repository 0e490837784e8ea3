// Handing a CLI command to the process that owns the embedded store. The server listens on a
// Unix socket (mode 0600, and a token read from the lock file, itself 0600); a `concord` command
// that finds the folder served sends its arguments, working folder and standard input there,
// the server runs the very same command on its own store and streams the lines back, then the
// exit code. One request per connection, as newline-delimited JSON.
import { timingSafeEqual } from 'node:crypto';
import { chmod, unlink } from 'node:fs/promises';
import net from 'node:net';

/** What a command sends. */
export interface HandoverRequest {
  token: string;
  argv: string[];
  /** The caller's working folder: relative paths in the arguments are read from there. */
  cwd: string;
  /** The caller's standard input, when the command reads it (`--password-stdin`). */
  stdin?: string;
}

/** Where a command's output goes: the terminal, or a handed-over command's socket. */
export interface OutputSink {
  /** One line to standard output. */
  log: (line: string) => void;
  /** One line to standard error. */
  error: (line: string) => void;
  /** Text to standard output as it is (an export). */
  write: (text: string) => void;
}

type Message = { log: string } | { error: string } | { write: string } | { exit: number };

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads one newline-terminated JSON value from the socket, leaving the rest. */
function readRequest(socket: net.Socket, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const end = buffered.indexOf('\n');
      if (end >= 0) {
        socket.off('data', onData);
        try {
          resolve(JSON.parse(buffered.slice(0, end)));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      } else if (buffered.length > limit) {
        socket.off('data', onData);
        reject(new Error('the request is too large'));
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
}

/**
 * Listens on `socketPath` for handed-over commands, each run by `run` with an output sink that
 * streams to the caller. A socket file left there (a killed owner) is removed first: the
 * caller holds the folder's lock, so nobody else listens there.
 */
export async function listenForHandover(
  socketPath: string,
  token: string,
  run: (request: HandoverRequest, output: OutputSink) => Promise<number>,
): Promise<net.Server> {
  await unlink(socketPath).catch(() => undefined);
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    const send = (message: Message) => {
      if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
    };
    void readRequest(socket, 1 << 20)
      .then(async (value) => {
        const request = value as Partial<HandoverRequest>;
        if (!sameToken(request.token, token) || !Array.isArray(request.argv) || typeof request.cwd !== 'string') {
          send({ error: 'concord: the server refused the command (wrong credential; is this the same data folder?)' });
          send({ exit: 2 });
          return;
        }
        const code = await run(
          {
            token: '',
            argv: request.argv.map(String),
            cwd: request.cwd,
            ...(typeof request.stdin === 'string' ? { stdin: request.stdin } : {}),
          },
          { log: (line) => send({ log: line }), error: (line) => send({ error: line }), write: (text) => send({ write: text }) },
        );
        send({ exit: code });
      })
      .catch((error: unknown) => {
        send({ error: `concord: the handed-over command failed: ${error instanceof Error ? error.message : String(error)}` });
        send({ exit: 1 });
      })
      .finally(() => socket.end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Only the folder's owner may talk to it (the token is the second guard).
  await chmod(socketPath, 0o600);
  return server;
}

/** Stops listening and removes the socket file. */
export async function closeHandover(server: net.Server, socketPath: string): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await unlink(socketPath).catch(() => undefined);
}

/** The server could not be reached (it stopped in between): the command was not run. */
export class HandoverUnreachable extends Error {}

/**
 * Sends a command to the owner listening on `socketPath` and writes what it prints to `output`.
 * Resolves with the command's exit code.
 */
export function handOver(socketPath: string, request: HandoverRequest, output: OutputSink): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let connected = false;
    let buffered = '';
    let exit: number | undefined;
    socket.setEncoding('utf8');
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffered.slice(0, end)) as Message;
        buffered = buffered.slice(end + 1);
        if ('log' in message) output.log(message.log);
        else if ('error' in message) output.error(message.error);
        else if ('write' in message) output.write(message.write);
        else exit = message.exit;
      }
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected) reject(new HandoverUnreachable(error.message));
      else reject(error);
    });
    socket.once('close', () => {
      if (exit !== undefined) resolve(exit);
      else if (connected) reject(new Error('the server stopped before the command finished; look at its log to see what was done'));
    });
  });
}

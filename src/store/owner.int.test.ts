// The embedded store has exactly one owner, tried with real processes: a second server on the
// folder is refused (exit 2) and writes nothing; the CLI hands its commands to the serving
// process and prints what it prints alone; `kill -9` mid-import leaves a stale lock that the next
// start takes over, with every acknowledged write there. On PostgreSQL several processes share
// one store as before.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openStore } from './index.ts';
import { claimStore, lockFileName, StoreInUse, type OwnerRecord } from './owner.ts';
import { testTier } from '../testing/store.ts';
import { createDatabase, databaseUrl, dropDatabase } from '../testing/postgres-admin.ts';
import { repoRoot } from '../seed-snapshot.ts';

const operatorToken = 'owner-test-operator-token-0123456789';
const concordBin = path.join(repoRoot, 'bin/concord.mjs');

interface Server {
  child: ChildProcess;
  address: string;
  exited: Promise<number | null>;
  output: () => string;
}

interface Finished {
  code: number | null;
  out: string;
  err: string;
}

function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  // The shipped library and registries are read in the background by a server; these tests compare a
  // folder's files and command outputs before and after, so the servers they start leave them unread.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    CONCORD_OPERATOR_TOKEN: operatorToken,
    CONCORD_LIBRARY: 'off',
    CONCORD_REGISTRIES: 'off',
    ...extra,
  };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

/** `npm start` as an operator runs it, on an ephemeral port; resolves once it serves. */
async function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: repoRoot, env: environment(env) });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out}`)), 90_000);
    child.stdout.on('data', () => {
      const match = /Concord is serving (http:\/\/\S+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace(/\/$/, ''));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${out}`));
    });
  });
  return { child, address, exited, output: () => out };
}

/** Runs a process to its end. */
function finish(command: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv; stdin?: string }): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: options.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdin.end(options.stdin ?? '');
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

/** `npx concord …` with the data folder set, from `cwd`. */
function concord(dataDir: string, args: string[], options: { cwd?: string; stdin?: string } = {}): Promise<Finished> {
  return finish(process.execPath, [concordBin, ...args], { ...options, env: environment({ CONCORD_DATA_DIR: dataDir }) });
}

async function stopServer(server: Server): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

async function readLock(dataDir: string): Promise<OwnerRecord | undefined> {
  const text = await readFile(path.join(dataDir, lockFileName), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as OwnerRecord);
}

/** Every file of the folder with its size and modification time: what "nothing written" compares. */
async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return (await Promise.all(files.map(async (f) => `${f} ${(await stat(f)).size} ${(await stat(f)).mtimeMs}`))).sort();
}

async function observationsCsv(server: Server, area: string): Promise<string> {
  const response = await fetch(`${server.address}/api/v1/indicators/ITU.HH.INTERNET/observations?format=csv&area=${area}`);
  expect(response.status).toBe(200);
  return response.text();
}

if (testTier() === 'embedded') {
  describe('the embedded store has one owner', () => {
    let work: string;
    let seeded: string;

    beforeAll(async () => {
      work = await mkdtemp(path.join(os.tmpdir(), 'concord-owner-'));
      // One seeded folder, copied for each test: a server starts on it without seeding.
      seeded = path.join(work, 'seeded');
      const store = await openStore({ dataDir: seeded, loadFrom: inject('concordEmbeddedDump') });
      await store.close();
    });
    afterAll(async () => {
      await rm(work, { recursive: true, force: true });
    });

    async function freshFolder(name: string): Promise<string> {
      const dir = path.join(work, name);
      await cp(seeded, dir, { recursive: true });
      return dir;
    }

    it('starts a new folder from the seeded snapshot built at install, without seeding it row by row', async () => {
      const dataDir = path.join(work, 'new');
      const server = await startServer({ CONCORD_DATA_DIR: dataDir });
      try {
        expect(server.output()).toContain('Starting a new store from the seeded snapshot built at install.');
        expect(server.output()).not.toContain('Loaded the framework reference data');
        const gdc = await fetch(`${server.address}/api/v1/frameworks/gdc`);
        expect(gdc.status).toBe(200);
        // The indicator catalogue and its sample series came with it.
        const series = await fetch(`${server.address}/api/v1/indicators/IT.NET.USER.ZS/observations?format=csv&area=KEN`);
        expect(series.status).toBe(200);
        expect((await series.text()).split('\n').filter((line) => line.split(',')[1] === 'KEN').length).toBeGreaterThan(5);
      } finally {
        expect(await stopServer(server)).toBe(0);
      }
      // Restarted, it opens the folder it now has (no second restore).
      const again = await startServer({ CONCORD_DATA_DIR: dataDir });
      try {
        expect(again.output()).not.toContain('seeded snapshot');
        expect((await fetch(`${again.address}/api/v1/frameworks/gdc`)).status).toBe(200);
      } finally {
        await stopServer(again);
      }
    }, 240_000);

    describe('while a server owns the folder', () => {
      let dataDir: string;
      let callerDir: string;
      let server: Server | undefined;
      let statusServed: Finished;
      let exported: Finished;

      beforeAll(async () => {
        dataDir = await freshFolder('served');
        // The caller's own folder, not the server's: relative paths are read from here.
        callerDir = await mkdtemp(path.join(work, 'caller-'));
        await writeFile(
          path.join(callerDir, 'internet.csv'),
          'series,area,period,value,unit,source\nITU.HH.INTERNET,KEN,2015,11,PT,owner-test\nITU.HH.INTERNET,KEN,2024,37,PT,owner-test\n',
        );
        await writeFile(
          path.join(callerDir, 'resolution.md'),
          '# Resolution adopted by the General Assembly on 1 January 2026\n\n' +
            'A/RES/80/999\n\nThe General Assembly,\n\nRecalling the Global Digital Compact,\n\n' +
            '1. Decides to close the digital divides;\n\n2. Requests the Secretary-General to report on its implementation.\n',
        );
        server = await startServer({ CONCORD_DATA_DIR: dataDir });
      }, 120_000);
      afterAll(async () => {
        if (server && server.child.exitCode === null) await stopServer(server);
      });

      it('refuses a second server at once, with exit 2, naming the owner, and writes nothing', async () => {
        const first = server!;
        expect(await readLock(dataDir)).toMatchObject({ pid: first.child.pid, command: 'concord start', address: `${first.address}/` });
        const before = await snapshot(dataDir);

        const second = await finish(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          env: environment({ CONCORD_DATA_DIR: dataDir }),
        });
        expect(second.code).toBe(2);
        expect(second.err).toContain(`in use by process ${first.child.pid}`);
        expect(second.err).toContain(`serving ${first.address}/`);
        expect(second.err).toMatch(/Stop that process first.*CONCORD_DATA_DIR.*DATABASE_URL/s);
        expect(second.out).not.toContain('Concord is serving');
        expect(await snapshot(dataDir)).toEqual(before);

        // The first one serves on, unharmed, and still owns the folder.
        expect((await fetch(`${first.address}/healthz`)).status).toBe(200);
        expect((await readLock(dataDir))?.pid).toBe(first.child.pid);
      }, 120_000);

      it('hands every writing CLI command to the serving process, which runs it on its own store', async () => {
        const created = await concord(dataDir, ['user', 'create', '--email', 'op@example.org', '--name', 'Operator', '--admin']);
        expect(created.err).toBe('');
        expect(created.code).toBe(0);
        expect(created.out).toMatch(
          /^Created administrator op@example\.org \(.+\)\.\nPassword \(shown once; change it after signing in\): \S+\n$/,
        );

        const password = await concord(dataDir, ['user', 'password', '--email', 'op@example.org', '--password-stdin'], {
          stdin: 'a long enough password\n',
        });
        expect(password).toMatchObject({ code: 0, out: 'New password set for op@example.org; their sessions were signed out.\n' });
        const role = await concord(dataDir, ['user', 'role', '--email', 'op@example.org', '--role', 'reviewer']);
        expect(role).toMatchObject({ code: 0, out: 'op@example.org is now reviewer.\n' });

        const imported = await concord(dataDir, ['observations', 'import', 'internet.csv'], { cwd: callerDir });
        expect(imported.err).toBe('');
        expect(imported.code).toBe(0);
        // Visible at once over HTTP: the server's own store took it.
        expect(await observationsCsv(server!, 'KEN')).toMatch(/2024.*37/);

        const ingested = await concord(dataDir, ['ingest', 'resolution.md', '--lang', 'en'], { cwd: callerDir });
        expect(ingested.err).toBe('');
        expect(ingested.code).toBe(0);
        expect(ingested.out).toMatch(/\ten\tcreated\t.*\tresolution\.md\tid /);
        const documents = (await (await fetch(`${server!.address}/api/v1/documents`)).json()) as { total: number };
        expect(documents.total).toBe(1);

        const suggested = await concord(dataDir, ['suggest']);
        expect(suggested.code).toBe(0);
        expect(suggested.out).toMatch(/\(en\): \d+ suggestion\(s\) added/);

        const seeded = await concord(dataDir, ['seed']);
        expect(seeded.code).toBe(0);
        expect(seeded.out).toContain(`Reference data `);
        expect(seeded.out).toContain(`in the embedded store in ${dataDir}:`);
        expect(seeded.out).toContain('Indicators: nothing changed.');

        const migrated = await concord(dataDir, ['migrate']);
        expect(migrated).toMatchObject({ code: 0, out: 'The schema is up to date.\n' });

        exported = await concord(dataDir, ['observations', 'export', '--indicator', 'ITU.HH.INTERNET', '--area', 'KEN']);
        expect(exported.code).toBe(0);
        expect(exported.out).toContain('owner-test');

        // A refusal inside the command comes back as it would alone: message and exit code.
        const wrongLanguage = await concord(dataDir, ['ingest', 'resolution.md', '--lang', 'de'], { cwd: callerDir });
        expect(wrongLanguage.code).toBe(2);
        expect(wrongLanguage.err).toContain('--lang must be one of');

        statusServed = await concord(dataDir, ['status']);
        expect(statusServed.code).toBe(0);
        // Handed over, not opened beside the server: the lock still names the server alone.
        expect((await readLock(dataDir))?.pid).toBe(server!.child.pid);
      }, 240_000);

      it('lets go of the folder on a clean stop; alone, the commands print the same and find every handed-over write', async () => {
        expect(await stopServer(server!)).toBe(0);
        expect(await readLock(dataDir)).toBeUndefined();
        const statusAlone = await concord(dataDir, ['status']);
        expect(statusAlone).toEqual(statusServed);
        const exportedAlone = await concord(dataDir, ['observations', 'export', '--indicator', 'ITU.HH.INTERNET', '--area', 'KEN']);
        expect(exportedAlone.out).toBe(exported.out);
        expect(await concord(dataDir, ['user', 'role', '--email', 'op@example.org', '--role', 'administrator'])).toMatchObject({
          code: 0,
          out: 'op@example.org is now administrator.\n',
        });
        expect((await concord(dataDir, ['ingest', 'resolution.md', '--lang', 'en'], { cwd: callerDir })).out).toContain('\tunchanged\t');
      }, 120_000);
    });

    it('after kill -9 mid-import, the next start takes the stale lock over and holds every acknowledged write', async () => {
      const dataDir = await freshFolder('killed');
      const first = await startServer({ CONCORD_DATA_DIR: dataDir });
      const acknowledged: number[] = [];
      let killed = false;
      // Four writers import one observation each, one after another, until the server dies.
      const post = async (year: number) => {
        const response = await fetch(`${first.address}/api/v1/observations`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${operatorToken}`, 'Content-Type': 'text/csv' },
          body: `series,area,period,value,unit,source\nITU.HH.INTERNET,UGA,${year},50,PT,owner-kill\n`,
        });
        if (response.status === 200) acknowledged.push(year);
        else throw new Error(`import ${year} answered ${response.status}: ${await response.text()}`);
      };
      const writers = Promise.all(
        [0, 1, 2, 3].map(async (lane) => {
          for (let year = 1960 + lane; year < 2060; year += 4) {
            try {
              await post(year);
            } catch (error) {
              // Cut off by the kill: not acknowledged, so not owed.
              if (killed) return;
              throw error;
            }
          }
        }),
      );
      while (acknowledged.length < 12) await Promise.race([writers, new Promise((resolve) => setTimeout(resolve, 20))]);
      killed = true;
      first.child.kill('SIGKILL');
      await first.exited;
      await writers;
      // The killed process's lock is left behind.
      expect((await readLock(dataDir))?.pid).toBe(first.child.pid);

      const second = await startServer({ CONCORD_DATA_DIR: dataDir });
      try {
        expect((await readLock(dataDir))?.pid).toBe(second.child.pid);
        const csv = await observationsCsv(second, 'UGA');
        const held = new Set(
          csv
            .split('\n')
            .filter((line) => line.includes('owner-kill'))
            .map((line) => Number(/,((?:19|20)\d\d),/.exec(line)?.[1])),
        );
        for (const year of acknowledged) expect(held, `the acknowledged observation of ${year}`).toContain(year);
      } finally {
        expect(await stopServer(second)).toBe(0);
      }
    }, 180_000);

    it('refuses a command while another command (not a server) owns the folder, and takes over a stale lock', async () => {
      const dataDir = await freshFolder('commands');
      // This test process owns the folder, as a long `concord ingest` would.
      const ownership = await claimStore(dataDir, 'concord ingest');
      try {
        const before = await snapshot(dataDir);
        const refused = await concord(dataDir, ['status']);
        expect(refused.code).toBe(2);
        expect(refused.err).toContain(`in use by process ${process.pid} (concord ingest, since `);
        expect(await snapshot(dataDir)).toEqual(before);
        await expect(claimStore(dataDir, 'concord seed')).rejects.toBeInstanceOf(StoreInUse);
      } finally {
        await ownership.release();
      }
      expect(await readLock(dataDir)).toBeUndefined();

      // A lock whose pid now names another process (pid reuse: the start time differs) is stale.
      await writeFile(
        path.join(dataDir, lockFileName),
        JSON.stringify({
          pid: process.pid,
          host: os.hostname(),
          processStart: '1',
          since: '2026-01-01T00:00:00.000Z',
          command: 'concord start',
          token: 'left-by-a-killed-process',
        }),
      );
      // Several claimants race over it: exactly one wins, the others find it owned.
      const claims = await Promise.allSettled([1, 2, 3, 4, 5].map(() => claimStore(dataDir, 'concord status')));
      const won = claims.filter((c) => c.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const c of claims) if (c.status === 'rejected') expect(c.reason).toBeInstanceOf(StoreInUse);
      const winner = won[0]!.value;
      expect((await readLock(dataDir))?.token).toBe(winner.record.token);
      await winner.release();

      // And the CLI, alone on the folder, opens it as before.
      const status = await concord(dataDir, ['status']);
      expect(status.code).toBe(0);
      expect(status.out).toContain(`Store: the embedded store in ${dataDir}`);
    }, 120_000);
  });
} else {
  describe('PostgreSQL has no single owner', () => {
    it('serves two processes on one database, and the CLI runs beside them', async () => {
      // A copy of the run's seeded template, so neither server seeds.
      const template = inject('concordPostgresTemplate');
      const name = `${template}_owner_${process.pid}`;
      await createDatabase(name, template);
      const url = databaseUrl(name);
      const first = await startServer({ DATABASE_URL: url });
      try {
        const second = await startServer({ DATABASE_URL: url });
        try {
          expect((await fetch(`${second.address}/healthz`)).status).toBe(200);
          const status = await finish(process.execPath, [concordBin, 'status'], { env: environment({ DATABASE_URL: url }) });
          expect(status.code).toBe(0);
          expect(status.out).toContain('Store: PostgreSQL (DATABASE_URL)');
        } finally {
          await stopServer(second);
        }
      } finally {
        await stopServer(first);
        await dropDatabase(name);
      }
    }, 180_000);
  });
}

import { childEnv } from '@wirewatch/config';
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  readSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A service failed to install, start or stop; carries the tail of the log that says why. */
export class StackError extends Error {
  override name = 'StackError';
  constructor(
    message: string,
    readonly logFile?: string,
  ) {
    super(logFile ? `${message}\n--- last lines of ${logFile} ---\n${tailFile(logFile)}` : message);
  }
}

/** The last `lines` lines of a (possibly large) log file; reads only its end. */
export function tailFile(path: string, lines = 40): string {
  if (!existsSync(path)) return '(no log written)';
  const size = statSync(path).size;
  const length = Math.min(size, 64 * 1024);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function openLog(logFile: string, header: string): number {
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, 'a');
  writeFileSync(fd, `\n=== ${new Date().toISOString()} ${header} ===\n`);
  return fd;
}

export interface SpawnSpec {
  command: string;
  args: string[];
  cwd: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts a long-running service in its own process group (so stopping it also stops whatever it forks),
 * with stdout and stderr appended to its log file, detached from this process. Returns the group leader's pid.
 */
export async function spawnDetached(spec: SpawnSpec): Promise<number> {
  const fd = openLog(spec.logFile, `${spec.command} ${spec.args.join(' ')}`);
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? childEnv(),
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (err) => reject(new StackError(`cannot run ${spec.command}: ${err.message}`)));
    });
    child.unref();
    if (child.pid === undefined) throw new StackError(`cannot run ${spec.command}: no pid`);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** Runs a command to completion (install steps), output appended to a log; fails with the log tail. */
export async function runLogged(spec: SpawnSpec & { timeoutMs: number }): Promise<void> {
  const fd = openLog(spec.logFile, `${spec.command} ${spec.args.join(' ')}`);
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? childEnv(),
      stdio: ['ignore', fd, fd],
      timeout: spec.timeoutMs,
      killSignal: 'SIGKILL',
    });
    const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve, reject) => {
        child.once('error', (err) => reject(new StackError(`cannot run ${spec.command}: ${err.message}`)));
        child.once('close', (code, signal) => resolve({ code, signal }));
      },
    );
    if (outcome.code !== 0) {
      const why = outcome.signal
        ? `was killed (${outcome.signal}, timeout ${spec.timeoutMs} ms?)`
        : `exited with ${outcome.code}`;
      throw new StackError(`${spec.command} ${spec.args.slice(0, 3).join(' ')} … ${why}`, spec.logFile);
    }
  } finally {
    closeSync(fd);
  }
}

export function readPidFile(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

export function writePidFile(pidFile: string, pid: number): void {
  mkdirSync(dirname(pidFile), { recursive: true });
  writeFileSync(pidFile, `${pid}\n`);
}

export function removePidFile(pidFile: string): void {
  rmSync(pidFile, { force: true });
}

/**
 * Whether `pid` is alive and still the service we started: a pid file can outlive a reboot or crash,
 * and its number can be reused by an unrelated process, so the command line must contain `marker`.
 */
export function isOurProcess(pid: number, marker: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.charAt(0);
    return state !== 'Z' && cmdline.includes(marker);
  } catch {
    return false;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole process group, then SIGKILL if it has not exited within `graceMs`. */
export async function killProcessGroup(
  pgid: number,
  graceMs: number,
): Promise<'terminated' | 'killed' | 'gone'> {
  if (!groupAlive(pgid)) return 'gone';
  process.kill(-pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return 'terminated';
    await sleep(100);
  }
  if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  for (let i = 0; i < 50 && groupAlive(pgid); i++) await sleep(100);
  return 'killed';
}

/** Whether something accepts TCP connections on host:port. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Waits until every port is closed (a stopped service released them), up to `timeoutMs`; returns those still open. */
export async function waitForPortsClosed(ports: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open: number[] = [];
    for (const port of ports) if (await isPortOpen(port)) open.push(port);
    if (open.length === 0 || Date.now() >= deadline) return open;
    await sleep(200);
  }
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Stops waiting early when the process died: no point waiting out the timeout. */
  stillAlive: () => boolean;
}

/** Polls `check` until it is true; 'died' or 'timeout' otherwise. A throwing check counts as not yet. */
export async function waitUntil(
  check: () => Promise<boolean>,
  opts: WaitOptions,
): Promise<'ok' | 'died' | 'timeout'> {
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return 'ok';
    if (!opts.stillAlive()) return 'died';
    await sleep(opts.intervalMs ?? 250);
  }
  return 'timeout';
}

/**
 * A lock file held by one `services up|down` at a time. Created exclusively; a lock left by a process that
 * no longer exists is taken over. Waits up to `timeoutMs` for a live holder.
 */
export async function withLockFile<T>(
  lockFile: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  mkdirSync(dirname(lockFile), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readPidFile(lockFile);
      // An empty lock file is one being written right now, unless it is old.
      const beingWritten = holder === undefined && Date.now() - statSafeMtime(lockFile) < 5_000;
      if (!beingWritten && (holder === undefined || !isOurProcess(holder, ''))) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        throw new StackError(`another wirewatch services command (pid ${holder ?? '?'}) holds ${lockFile}`);
      }
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

function statSafeMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

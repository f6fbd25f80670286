import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, stackPaths } from './paths.ts';
import {
  isOurProcess,
  killProcessGroup,
  runLogged,
  spawnDetached,
  StackError,
  tailFile,
  waitUntil,
  withLockFile,
} from './process.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wirewatch-stack-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('spawnDetached and killProcessGroup', () => {
  it('stops a service together with the processes it forked', async () => {
    const logFile = join(dir, 'svc.log');
    const pid = await spawnDetached({
      command: 'sh',
      args: ['-c', 'echo hello; sleep 30 & sleep 31'],
      cwd: dir,
      logFile,
    });
    await sleep(200);
    expect(isOurProcess(pid, 'sleep 31')).toBe(true);
    expect(isOurProcess(pid, 'no-such-marker')).toBe(false);

    expect(await killProcessGroup(pid, 5_000)).toBe('terminated');
    expect(groupAlive(pid)).toBe(false);
    expect(readFileSync(logFile, 'utf8')).toContain('hello');
  });

  it('kills a group that ignores SIGTERM once the grace period is over', async () => {
    const pid = await spawnDetached({
      command: 'sh',
      args: ['-c', 'trap "" TERM; sleep 30'],
      cwd: dir,
      logFile: join(dir, 'stubborn.log'),
    });
    await sleep(200);
    expect(await killProcessGroup(pid, 300)).toBe('killed');
    expect(groupAlive(pid)).toBe(false);
  });

  it('reports a command that cannot be run', async () => {
    await expect(
      spawnDetached({ command: join(dir, 'missing'), args: [], cwd: dir, logFile: join(dir, 'x.log') }),
    ).rejects.toThrow(StackError);
  });
});

describe('runLogged', () => {
  it('fails with the tail of the log, so the cause is on screen', async () => {
    const logFile = join(dir, 'install.log');
    const run = runLogged({
      command: 'sh',
      args: ['-c', 'echo resolving; echo "artifact not found" >&2; exit 3'],
      cwd: dir,
      logFile,
      timeoutMs: 5_000,
    });
    await expect(run).rejects.toThrow(/exited with 3[\s\S]*artifact not found/);
  });

  it('kills a step that runs past its timeout', async () => {
    const run = runLogged({
      command: 'sleep',
      args: ['10'],
      cwd: dir,
      logFile: join(dir, 'slow.log'),
      timeoutMs: 200,
    });
    await expect(run).rejects.toThrow(/killed/);
  });
});

describe('tailFile', () => {
  it('returns the last lines only', () => {
    const file = join(dir, 'long.log');
    writeFileSync(file, Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n') + '\n');
    expect(tailFile(file, 3)).toBe('line 97\nline 98\nline 99');
    expect(tailFile(join(dir, 'none.log'))).toBe('(no log written)');
  });
});

describe('waitUntil', () => {
  it('stops early when the process died, and times out otherwise', async () => {
    const started = Date.now();
    expect(await waitUntil(async () => false, { timeoutMs: 10_000, stillAlive: () => false })).toBe('died');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(
      await waitUntil(async () => false, { timeoutMs: 300, intervalMs: 50, stillAlive: () => true }),
    ).toBe('timeout');
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 3) throw new Error('not yet');
      return true;
    };
    expect(await waitUntil(flaky, { timeoutMs: 5_000, intervalMs: 10, stillAlive: () => true })).toBe('ok');
  });
});

describe('withLockFile', () => {
  it('runs one holder at a time and releases the lock', async () => {
    const lock = join(dir, 'run', 'stack.lock');
    const order: string[] = [];
    const hold = (name: string) =>
      withLockFile(lock, 5_000, async () => {
        order.push(`${name}+`);
        await sleep(150);
        order.push(`${name}-`);
      });
    await Promise.all([hold('a'), hold('b')]);
    expect(
      [order.slice(0, 2), order.slice(2)].map((pair) => pair[0]!.charAt(0) === pair[1]!.charAt(0)),
    ).toEqual([true, true]);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const lock = join(dir, 'stack.lock');
    writeFileSync(lock, '999999999\n');
    expect(await withLockFile(lock, 1_000, async () => 'done')).toBe('done');
  });
});

describe('stackPaths', () => {
  it('resolves a relative WIREWATCH_HOME against the repository root, not the working directory', () => {
    const paths = stackPaths({ WIREWATCH_HOME: '.wirewatch' });
    expect(paths.home).toBe(join(REPO_ROOT, '.wirewatch'));
    expect(existsSync(join(REPO_ROOT, 'package.json'))).toBe(true);
    expect(paths.service('kafka')).toEqual({
      dir: join(REPO_ROOT, '.wirewatch', 'kafka'),
      logFile: join(REPO_ROOT, '.wirewatch', 'logs', 'kafka.log'),
      installLogFile: join(REPO_ROOT, '.wirewatch', 'logs', 'kafka-install.log'),
      pidFile: join(REPO_ROOT, '.wirewatch', 'run', 'kafka.pid'),
    });
    expect(stackPaths({ WIREWATCH_HOME: '/srv/ww' }).home).toBe('/srv/ww');
  });
});

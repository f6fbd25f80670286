import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '@wirewatch/config';

/** The repository root (this file is libs/stack/src/paths.ts); symlinked workspaces resolve to their real path. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where everything of one local service lives, below WIREWATCH_HOME. */
export interface ServicePaths {
  /** WIREWATCH_HOME/<service>: binaries, configuration and data of the service. */
  dir: string;
  /** WIREWATCH_HOME/logs/<service>.log: what the running service writes. */
  logFile: string;
  /** WIREWATCH_HOME/logs/<service>-install.log: output of the install step (Maven, pip, apt). */
  installLogFile: string;
  /** WIREWATCH_HOME/run/<service>.pid: the process group leader, so another process can stop it. */
  pidFile: string;
}

export interface StackPaths {
  home: string;
  logsDir: string;
  runDir: string;
  /** Held while one `services up|down` runs, so two at once cannot start the same service twice. */
  lockFile: string;
  service(name: string): ServicePaths;
}

/**
 * WIREWATCH_HOME, when relative, is taken from the repository root rather than the working directory,
 * so `wirewatch services` run from any sub-folder (or from vitest) finds the same services.
 */
export function stackPaths(config: Pick<Config, 'WIREWATCH_HOME'>): StackPaths {
  const home = isAbsolute(config.WIREWATCH_HOME)
    ? config.WIREWATCH_HOME
    : resolve(REPO_ROOT, config.WIREWATCH_HOME);
  const logsDir = join(home, 'logs');
  const runDir = join(home, 'run');
  return {
    home,
    logsDir,
    runDir,
    lockFile: join(runDir, 'stack.lock'),
    service: (name) => ({
      dir: join(home, name),
      logFile: join(logsDir, `${name}.log`),
      installLogFile: join(logsDir, `${name}-install.log`),
      pidFile: join(runDir, `${name}.pid`),
    }),
  };
}

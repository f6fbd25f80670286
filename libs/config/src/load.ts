import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigSchema, CONFIG_KEYS, type Config } from './schema.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Source = Record<string, string | undefined>;

function readConfigFile(path: string): Source {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`WIREWATCH_CONFIG_FILE: cannot read ${path}: ${(err as Error).message}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`WIREWATCH_CONFIG_FILE: ${path} must be a mapping of setting names to values`);
  }
  const out: Source = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(CONFIG_KEYS as string[]).includes(key)) {
      throw new ConfigError(`${key}: unknown setting in ${path}`);
    }
    out[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return out;
}

/** Parses settings from an environment-like map (and the config file it names); throws ConfigError naming the variable. */
export function parseConfig(env: Source): Config {
  const fromEnv: Source = {};
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const fileValues = fromEnv.WIREWATCH_CONFIG_FILE ? readConfigFile(fromEnv.WIREWATCH_CONFIG_FILE) : {};
  const result = ConfigSchema.safeParse({ ...fileValues, ...fromEnv });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return result.data;
}

let cached: Config | undefined;

/** The process configuration, parsed once from process.env. */
export function loadConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Like loadConfig, but an invalid setting stops the process with a message naming the variable. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`wirewatch: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** Settings for a child process or test: the given overrides on top of this process's environment. */
export function configWith(overrides: Partial<Record<keyof Config, string>>): Config {
  return parseConfig({ ...process.env, ...overrides });
}

/** The environment a child process needs to see the same configuration (plus PATH and friends). */
export function childEnv(overrides: Partial<Record<keyof Config, string>> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

export { z };

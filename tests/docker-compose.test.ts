import { readFileSync } from 'node:fs';
import { CONFIG_KEYS, parseConfig } from '@wirewatch/config';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoPath } from './helpers/paths.ts';

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number>;
  command?: string[];
}

const compose = parse(readFileSync(repoPath('docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const projectServices = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);

describe('docker-compose.yml', () => {
  it('runs the project services from the project image', () => {
    expect(projectServices.map(([name]) => name).sort()).toEqual(['dashboard', 'dispatcher', 'ingest', 'migrate', 'worker']);
  });

  it('lets the dashboard read ClickHouse only as the read-only analyst user', () => {
    const env = compose.services.dashboard?.environment ?? {};
    expect(env.CLICKHOUSE_USER).toBe('analyst');
    const users = (compose as unknown as { configs: Record<string, { content: string }> }).configs['clickhouse-analyst-user']!.content;
    const grants = [...users.matchAll(/<query>([^<]+)<\/query>/g)].map((m) => m[1]);
    expect(grants).toEqual(['GRANT SELECT, SHOW TABLES ON wirewatch.*', 'GRANT CREATE DATABASE ON wirewatch.*']);
  });

  it.each(projectServices)('%s passes only settings the config schema knows, with valid values', (_name, service) => {
    const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, String(v)]));
    for (const key of Object.keys(env)) expect(CONFIG_KEYS as string[]).toContain(key);
    expect(() => parseConfig(env)).not.toThrow();
    expect(parseConfig(env).CLICKHOUSE_MODE).toBe('server');
  });

  it('runs the same Kafka version as `wirewatch services up`', () => {
    const pom = readFileSync(repoPath('libs', 'stack', 'kafka', 'pom.xml'), 'utf8');
    const pinned = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
    expect(pinned).toBeDefined();
    expect(compose.services.kafka?.image).toBe(`apache/kafka:${pinned}`);
  });

  it('starts each service component with a command the CLI has', () => {
    for (const [, service] of projectServices) {
      expect(['run', 'migrate']).toContain(service.command?.[0]);
    }
  });
});

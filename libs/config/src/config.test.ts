import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './index.ts';

describe('config', () => {
  it('applies defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.KAFKA_BROKERS).toEqual(['localhost:9092']);
    expect(config.CLICKHOUSE_MODE).toBe('embedded');
    expect(config.INGEST_PORT).toBe(8080);
    expect(config.INGEST_PRODUCE_TIMEOUT_MS).toBe(10_000);
    expect(config.INGEST_FEEDS_FILE).toBeUndefined();
    expect(config.KAFKA_REPLICATION_FACTOR).toBe(1);
    expect(config.ALERT_RULES).toEqual(['rules']);
    expect(config.ALERT_WEBHOOK_SECRETS).toEqual([]);
    expect(config.ALERT_WINDOW_INTERVAL_S).toBe(300);
  });

  it('coerces numbers and lists from strings', () => {
    const config = parseConfig({ INGEST_PORT: '9999', KAFKA_BROKERS: 'a:1, b:2' });
    expect(config.INGEST_PORT).toBe(9999);
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
  });

  it('names the variable that is invalid', () => {
    expect(() => parseConfig({ INGEST_PORT: 'eighty' })).toThrow(/INGEST_PORT/);
    expect(() => parseConfig({ CLICKHOUSE_MODE: 'cloud' })).toThrow(/CLICKHOUSE_MODE/);
    expect(() => parseConfig({ CLICKHOUSE_URL: 'not a url' })).toThrow(ConfigError);
  });

  it('reads a YAML config file, with the environment taking precedence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-config-'));
    const file = join(dir, 'wirewatch.yaml');
    writeFileSync(file, 'INGEST_PORT: 7000\nKAFKA_BROKERS: [x:1, y:2]\nLOG_LEVEL: debug\n');
    const config = parseConfig({ WIREWATCH_CONFIG_FILE: file, LOG_LEVEL: 'warn' });
    expect(config.INGEST_PORT).toBe(7000);
    expect(config.KAFKA_BROKERS).toEqual(['x:1', 'y:2']);
    expect(config.LOG_LEVEL).toBe('warn');
  });

  it('rejects unknown keys in the config file, naming them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-config-'));
    const file = join(dir, 'wirewatch.yaml');
    writeFileSync(file, 'INGEST_PROT: 7000\n');
    expect(() => parseConfig({ WIREWATCH_CONFIG_FILE: file })).toThrow(/INGEST_PROT: unknown setting/);
  });

  it('reads dashboard settings: listen address, name:token pairs, session length', () => {
    const config = parseConfig({ DASHBOARD_PORT: '0', DASHBOARD_TOKENS: 'ana:t1, ops:t2' });
    expect(config.DASHBOARD_PORT).toBe(0);
    expect(config.DASHBOARD_TOKENS).toEqual(['ana:t1', 'ops:t2']);
    expect(parseConfig({}).DASHBOARD_HOST).toBe('127.0.0.1');
    expect(parseConfig({}).DASHBOARD_SESSION_HOURS).toBe(12);
  });
});

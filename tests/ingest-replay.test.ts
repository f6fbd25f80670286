/**
 * `wirewatch ingest <file|->` replays NDJSON straight onto the real Kafka with the API's validation, prints a
 * summary with every rejected line, and exits non-zero when anything was rejected.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv } from '@wirewatch/config';
import { topicNames } from '@wirewatch/kafka';
import { decodeEnvelope } from '@wirewatch/schemas';
import { repoPath } from './helpers/paths.ts';
import { ingestConfig, nativeReport, readTopic } from './ingest-support.ts';

describe('wirewatch ingest (file replay)', () => {
  const config = ingestConfig('ingest-replay');
  const env = childEnv({
    KAFKA_TOPIC_PREFIX: config.KAFKA_TOPIC_PREFIX,
    KAFKA_BROKERS: config.KAFKA_BROKERS.join(','),
    LOG_LEVEL: 'error',
  });
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [repoPath('cli', 'bin', 'wirewatch.js'), 'ingest', ...args], {
      env,
      input,
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('replays a file, reporting rejected lines by number and reason, and exits 1 because some were rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-replay-'));
    const file = join(dir, 'reports.ndjson');
    const good = Array.from({ length: 300 }, (_, i) => JSON.stringify(nativeReport(`replay-${i}`)));
    const ninjs = JSON.stringify({
      uri: 'urn:replay:ninjs:1',
      versioncreated: '2025-05-01T08:00:00Z',
      headlines: [{ value: 'A ninjs item' }],
      body_text: 'text',
    });
    const lines = [
      ...good.slice(0, 100),
      '{"oops"',
      ...good.slice(100, 200),
      '',
      ninjs,
      JSON.stringify({ ...nativeReport('no-date'), published_at: undefined }),
      ...good.slice(200),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);

    const run = cli([file, '--source', 'replay-wire']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('reports.ndjson: 304 lines, 301 accepted');
    expect(run.stdout).toContain('2 rejected');
    expect(run.stdout).toMatch(/line 101: invalid_json/);
    expect(run.stdout).toMatch(/line 204: invalid_report: \$\.published_at/);

    const messages = await readTopic(config, topicNames(config.KAFKA_TOPIC_PREFIX).raw, { expected: 301 });
    expect(messages).toHaveLength(301);
    const envelopes = messages
      .map((m) => decodeEnvelope(m.value))
      .map((d) => (d.ok ? d.envelope : undefined));
    expect(envelopes.every((e) => e?.origin?.channel === 'replay')).toBe(true);
    expect(envelopes.find((e) => e?.payload.source_id === 'urn:replay:ninjs:1')?.source).toBe('replay-wire');
  });

  it('replays stdin and exits 0 when every line is accepted', () => {
    const run = cli(
      ['-'],
      `${JSON.stringify(nativeReport('stdin-1'))}\n${JSON.stringify(nativeReport('stdin-2'))}\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('stdin: 2 lines, 2 accepted');
  });

  it('exits 2 for a file that cannot be read', () => {
    const run = cli(['/nonexistent/reports.ndjson']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot read');
  });
});

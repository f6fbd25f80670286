import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUERIES, getQuery } from './catalog.ts';
import { ANALYST_DOC_PATH, renderAnalystDoc } from './doc.ts';
import { placeholders, QueryParamError, resolveParams, type NamedQuery } from './query.ts';

const ctx = { now: new Date('2026-11-21T12:00:00Z'), rulesetVersion: 'rules-1+abc' };

describe('query catalogue', () => {
  it('has unique names', () => {
    const names = QUERIES.map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(QUERIES.map((q) => [q.name, q] as const))('%s declares exactly the parameters its SQL uses, with the same types', (_name, q) => {
    const used = placeholders(q.sql);
    expect([...used.keys()].sort()).toEqual(Object.keys(q.params).sort());
    for (const [name, type] of used) expect(type).toBe((q.params as NamedQuery['params'])[name]!.type);
  });

  it('reads every ReplacingMergeTree table with FINAL, or deduplicates a key lookup with LIMIT 1 BY its sorting key', () => {
    // Rows as written are counted on purpose where retried batches are dropped on insert (dedup tokens).
    const countsWrites = new Set(['throughput_per_minute', 'ingest_to_visible_lag']);
    for (const q of QUERIES) {
      if (countsWrites.has(q.name) || /LIMIT 1 BY report_id, version, event_index/.test(q.sql)) continue;
      for (const table of ['reports', 'report_events', 'stories', 'signals', 'dead_letters']) {
        for (const m of q.sql.matchAll(new RegExp(`FROM ${table}\\b(?! FINAL)`, 'g'))) {
          // A sub-select that only picks ids in a window needs no FINAL.
          const line = q.sql.slice(0, m.index).split('\n').at(-1) ?? '';
          expect(line, `${q.name} reads ${table} without FINAL`).toMatch(/SELECT (story_id|report_id, max\(version\))\s*$/);
        }
      }
    }
  });

  it('merges FINAL per partition only on tables whose sorting key fixes the partition', () => {
    for (const q of QUERIES) {
      if (!q.sql.includes('do_not_merge_across_partitions_select_final')) continue;
      expect(q.sql, q.name).not.toMatch(/FROM (dead_letters|alert_events) FINAL/);
    }
  });
});

describe('resolveParams', () => {
  const q = getQuery('top_escalating_pairs')!;

  it('fills defaults from the context: now, hours back, the running ruleset', () => {
    expect(resolveParams(q, {}, ctx)).toEqual({ ruleset_version: 'rules-1+abc', until: '2026-11-21 12:00:00.000', hours: 24, limit: 20 });
    expect(resolveParams(getQuery('latest_signals')!, {}, ctx)).toMatchObject({ since: '2026-11-14 12:00:00.000' });
  });

  it('coerces given values by declared type and reads ISO-8601 times as UTC', () => {
    expect(resolveParams(q, { hours: '48', until: '2024-10-21T06:30:00+02:00' }, ctx)).toMatchObject({ hours: 48, until: '2024-10-21 04:30:00.000' });
    expect(resolveParams(q, { until: '2024-10-21 06:30:00' }, ctx)).toMatchObject({ until: '2024-10-21 06:30:00.000' });
    expect(resolveParams(getQuery('report_events_of')!, { report_ids: 'r_1, r_2' }, ctx)).toMatchObject({ report_ids: ['r_1', 'r_2'] });
  });

  it('refuses unknown names and values of the wrong type', () => {
    expect(() => resolveParams(q, { hourz: '1' }, ctx)).toThrow(QueryParamError);
    expect(() => resolveParams(q, { constructor: '1' }, ctx)).toThrow(QueryParamError);
    expect(() => resolveParams(q, { hours: '-1' }, ctx)).toThrow(/hours: expected UInt32/);
    expect(() => resolveParams(q, { until: 'yesterday' }, ctx)).toThrow(/until: expected a time/);
  });
});

describe('analyst doc', () => {
  it('shows every query with its question and SQL', () => {
    const doc = renderAnalystDoc();
    for (const q of QUERIES) {
      expect(doc).toContain(`## \`${q.name}\``);
      expect(doc).toContain(q.sql);
    }
  });

  it(`is what ${ANALYST_DOC_PATH} holds (regenerate it with npm run doc -w @wirewatch/queries)`, () => {
    expect(readFileSync(new URL(`../../../${ANALYST_DOC_PATH}`, import.meta.url), 'utf8')).toBe(renderAnalystDoc());
  });
});

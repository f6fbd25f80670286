import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRuleFile, type AlertMatch, type WindowRule } from '@wirewatch/alerting';
import { chTime, type ClickHouse } from '@wirewatch/clickhouse';
import { createLogger } from '@wirewatch/log';
import { createAlertActivities } from '@wirewatch/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from './helpers/paths.ts';
import { migratedClickHouse } from './helpers/clickhouse.ts';

/** Window rules as ClickHouse queries over report_events (embedded engine), and `wirewatch rules check` on bad files. */

const AS_OF = Date.parse('2025-06-10T12:00:00Z');
const HOUR = 3_600_000;
const RS = 'window-test';

let ch: ClickHouse;
let row = 0;
function event(at: number, type: string, actors: string[], targets: string[], story: string, evidence = `${type} event ${story}`) {
  row += 1;
  const t = chTime(new Date(at));
  return {
    report_id: `r_${row}`, version: 1, ruleset_version: RS, event_index: 0, type, mode: '', actors, targets,
    quantity_value: null, quantity_unit: '', quantity_qualifier: '', troops: null, assertion: 'asserted', negated: false,
    background: false, evidence, span_start: 0, span_end: 1, conflict: '', score: 50, story_id: story, source: 'wire',
    published_at: t, received_at: t, processed_at: t,
  };
}

const defaultPack = (() => {
  const text = readFileSync(repoPath('rules', 'default.yaml'), 'utf8');
  const parsed = parseRuleFile('default.yaml', text);
  if (!parsed.ok) throw new Error('default pack invalid');
  return parsed.rules.filter((r): r is WindowRule => r.kind !== 'report');
})();

async function run(): Promise<AlertMatch[]> {
  const matches: AlertMatch[] = [];
  const activities = createAlertActivities({
    clickhouse: ch, producer: null, alertsTopic: 'alerts', secrets: new Map(), webhookTimeoutMs: 1000,
    windowRules: defaultPack, rulesetVersion: RS, log: createLogger('window-test', 'error'), now: () => new Date(AS_OF),
    starter: { deliver: async (m) => void matches.push(m) },
  });
  await activities.runWindowRules();
  return matches;
}

describe('window rules over ClickHouse', () => {
  beforeAll(async () => {
    ch = await migratedClickHouse('window');
    await ch.insert('report_events', [
      // MOBILIZE toward POL: three distinct stories in 24 h (one syndicated twice) → count rule.
      event(AS_OF - 2 * HOUR, 'MOBILIZE', ['BLR'], ['POL'], 'st-m1'),
      event(AS_OF - 3 * HOUR, 'MOBILIZE', ['BLR'], ['POL'], 'st-m1'),
      event(AS_OF - 5 * HOUR, 'MOBILIZE', ['RUS'], ['POL'], 'st-m2'),
      event(AS_OF - 20 * HOUR, 'MOBILIZE', ['BLR'], ['POL'], 'st-m3'),
      // Toward LTU: only two stories of news, and a third that recalls a build-up of years before → nothing.
      event(AS_OF - 2 * HOUR, 'MOBILIZE', ['BLR'], ['LTU'], 'st-l1'),
      event(AS_OF - 4 * HOUR, 'MOBILIZE', ['BLR'], ['LTU'], 'st-l2'),
      { ...event(AS_OF - 6 * HOUR, 'MOBILIZE', ['BLR'], ['LTU'], 'st-l3'), background: true },
      // An ambassador summoned, then a strike between the same pair 30 h later → sequence rule.
      event(AS_OF - 40 * HOUR, 'ACCUSE', ['ARM'], ['AZE'], 'st-s1', 'Armenia summoned the Azerbaijani ambassador over the shelling.'),
      event(AS_OF - 10 * HOUR, 'ASSAULT', ['AZE'], ['ARM'], 'st-s2', 'Azerbaijani forces shelled Armenian positions.'),
      // THREATEN/COERCE IND→PAK: one story in the baseline week, four in the last 6 h → surge.
      event(AS_OF - 4 * 24 * HOUR, 'THREATEN', ['IND'], ['PAK'], 'st-p0'),
      event(AS_OF - 1 * HOUR, 'THREATEN', ['IND'], ['PAK'], 'st-p1'),
      event(AS_OF - 2 * HOUR, 'COERCE', ['IND'], ['PAK'], 'st-p2'),
      event(AS_OF - 3 * HOUR, 'THREATEN', ['IND'], ['PAK'], 'st-p3'),
      event(AS_OF - 4 * HOUR, 'THREATEN', ['IND'], ['PAK'], 'st-p4'),
      // A steady pair: as many stories per day all week → no surge.
      ...Array.from({ length: 7 * 4 }, (_, i) => event(AS_OF - (i * 6 + 1) * HOUR, 'THREATEN', ['USA'], ['IRN'], `st-u${i}`)),
    ]);
  });
  afterAll(async () => {
    await ch?.close();
  });

  it('fires the count, sequence and surge rules of the default pack for the right keys only', async () => {
    const matches = await run();
    const keys = matches.map((m) => `${m.ruleId} ${m.key}`).sort();
    expect(keys).toEqual([
      'mobilisation-toward-country target=POL',
      'pair-escalation-surge actor=IND,target=PAK',
      'summons-then-incident pair=ARM-AZE',
    ]);
    const count = matches.find((m) => m.ruleId === 'mobilisation-toward-country')!;
    expect(count.storyIds).toEqual(['st-m1', 'st-m2', 'st-m3']);
    expect(count.reasons[0]).toMatch(/^3 distinct stories of MOBILIZE toward POL/);
    const surge = matches.find((m) => m.ruleId === 'pair-escalation-surge')!;
    expect(surge.reasons.join(' ')).toMatch(/4 stories in the last 6 h against 1/);
    // Evaluating again over the same rows gives the same evidence id: the alert sees a repeat, not news.
    const again = await run();
    expect(again.map((m) => m.evidenceId).sort()).toEqual(matches.map((m) => m.evidenceId).sort());
  });
});

describe('wirewatch rules check', () => {
  it('accepts the default pack and rejects bad files naming file, rule and field', () => {
    const ok = execFileSync('npx', ['wirewatch', 'rules', 'check', repoPath('rules')], { encoding: 'utf8', cwd: repoPath() });
    expect(ok).toMatch(/^ok: 6 rules/);
    const dir = mkdtempSync(join(tmpdir(), 'ww-badrules-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'rules:\n  - id: surge\n    kind: pair_surge\n    description: d\n    severity: urgent\n    factor: 3\n    window: 6 hours\n    notify: [{ type: log }]\n');
    let stderr = '';
    let status = 0;
    try {
      execFileSync('npx', ['wirewatch', 'rules', 'check', repoPath('rules'), bad], { encoding: 'utf8', cwd: repoPath(), stdio: 'pipe' });
    } catch (err) {
      stderr = String((err as { stderr: string }).stderr);
      status = (err as { status: number }).status;
    }
    expect(status).toBe(1);
    expect(stderr).toContain(`${bad}: rule "surge" rules[0].severity: Invalid option`);
    expect(stderr).toContain(`${bad}: rule "surge" rules[0].window: not a duration: "6 hours"`);
    expect(stderr).toContain('no rule was loaded');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatRuleError, loadRules, parseRuleFile } from './load.ts';

const DEFAULT_PACK = fileURLToPath(new URL('../../../rules/', import.meta.url));

const good = `
rules:
  - id: troops
    kind: report
    description: troops
    severity: high
    when: { event: { types: [MOBILIZE], modes: [troops], min_troops: 1000 } }
    group_by: [actor, target]
    notify: [{ type: log }]
`;

const messages = (text: string) => {
  const r = parseRuleFile('x.yaml', text);
  return r.ok ? [] : r.errors.map(formatRuleError);
};

describe('rule files', () => {
  it('loads the default rule pack', () => {
    const result = loadRules([DEFAULT_PACK]);
    expect(result.ok ? [] : result.errors.map(formatRuleError)).toEqual([]);
    const ids = result.ok ? result.rules.map((r) => r.id) : [];
    expect(ids).toEqual(expect.arrayContaining(['foreign-troops-in-conflict', 'troop-mobilisation', 'nuclear-threat', 'summons-then-incident', 'pair-escalation-surge', 'mobilisation-toward-country']));
  });

  it('fills defaults and turns durations into milliseconds', () => {
    const r = parseRuleFile('x.yaml', good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rules[0]).toMatchObject({ cooldown: 6 * 3_600_000, renotify: 3_600_000, quiet: 24 * 3_600_000 });
  });

  it('names the file, the rule and the field of each error', () => {
    expect(messages(good.replace('min_troops: 1000', 'min_troops: lots'))).toEqual([
      'x.yaml: rule "troops" rules[0].when.event.min_troops: Invalid input: expected number, received string',
    ]);
    expect(messages(good.replace('[MOBILIZE]', '[MOBILISE]'))[0]).toMatch(/^x\.yaml: rule "troops" rules\[0\]\.when\.event\.types\[0\]: Invalid option/);
    expect(messages(good.replace('group_by: [actor, target]', 'group_by: [actor, target]\n    renotify: soon'))).toEqual([
      'x.yaml: rule "troops" rules[0].renotify: not a duration: "soon" (write e.g. 90s, 15m, 6h, 7d)',
    ]);
    expect(messages(good.replace('group_by:', 'groupby:'))).toEqual([
      'x.yaml: rule "troops" rules[0].group_by: Invalid input: expected array, received undefined',
      'x.yaml: rule "troops" rules[0]: unknown field "groupby"',
    ]);
    expect(messages(good.replace('{ type: log }', '{ type: webhook, url: "ftp://x", secret: ops }'))[0]).toMatch(/rules\[0\]\.notify\[0\]\.url: /);
    expect(messages(good.replace('modes: [troops]', 'evidence_matches: "(unclosed"'))[0]).toBe(
      'x.yaml: rule "troops" rules[0].when.event.evidence_matches: not a valid regular expression',
    );
  });

  it('rejects a whole file when one rule is bad, and duplicate ids', () => {
    const two = good + good.replace('rules:\n', '').replace('id: troops', 'id: other').replace('severity: high', 'severity: severe');
    const r = parseRuleFile('x.yaml', two);
    expect(r.ok).toBe(false);
    expect(messages(two)).toEqual([expect.stringMatching(/^x\.yaml: rule "other" rules\[1\]\.severity: Invalid option/)]);
    expect(messages(good + good.replace('rules:\n', ''))).toEqual(['x.yaml: rule "troops" rules[1].id: duplicate rule id (also rules[0])']);
  });

  it('reports YAML syntax errors and a missing rules list', () => {
    expect(messages('rules: [\n')[0]).toMatch(/^x\.yaml: \(file\): not valid YAML/);
    expect(messages('- id: x\n')).toEqual(['x.yaml: (file): expected a mapping with a "rules:" list']);
    expect(messages('rules: []\n')).toEqual(['x.yaml: rules: a rule file holds at least one rule']);
  });

  it('checks window rules: window shorter than baseline, kinds known', () => {
    const surge = `rules:\n  - { id: s, kind: pair_surge, description: d, severity: low, window: 8d, baseline: 7d, factor: 3, notify: [{ type: log }] }\n`;
    expect(messages(surge)).toEqual(['x.yaml: rule "s" rules[0].window: must be shorter than baseline']);
    expect(messages(surge.replace('pair_surge', 'surge'))[0]).toMatch(/rules\[0\]\.kind: /);
  });

  it('rejects ids used by two files of a pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-rules-'));
    writeFileSync(join(dir, 'a.yaml'), good);
    writeFileSync(join(dir, 'b.yml'), good);
    const r = loadRules([dir]);
    expect(r.ok ? [] : r.errors.map(formatRuleError)).toEqual([`${join(dir, 'b.yml')}: rule "troops" id: duplicate rule id (also in ${join(dir, 'a.yaml')})`]);
  });
});

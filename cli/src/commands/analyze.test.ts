import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '../../bin/wirewatch.js');

const report = (id: string, body: string) =>
  JSON.stringify({ id, source: 'test-wire', source_id: id, published_at: '2026-02-01T08:00:00Z', headline: `Report ${id}`, body });

function run(stdin: string) {
  const r = spawnSync(process.execPath, [BIN, 'analyze'], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; event_types: string[] }), err: r.stderr };
}

describe('wirewatch analyze', () => {
  it('writes one result per report, in input order, and exits 0', () => {
    const r = run([report('r1', 'The army deployed 4,000 troops to the frontier.'), report('r2', 'The two leaders met in Geneva for talks.')].join('\n'));
    expect(r.code).toBe(0);
    expect(r.out.map((o) => o.id)).toEqual(['r1', 'r2']);
    expect(r.out[0]?.event_types).toContain('MOBILIZE');
  });

  it('reports bad lines on stderr with their line number, processes the rest and exits 1', () => {
    const lines = [report('ok1', 'Rebels shelled the town.'), '{not json', JSON.stringify({ id: 'x', source: 's' }), '', report('ok2', 'Police arrested ten activists.')];
    const r = run(lines.join('\n'));
    expect(r.code).toBe(1);
    expect(r.out.map((o) => o.id)).toEqual(['ok1', 'ok2']);
    expect(r.err).toMatch(/line 2: not JSON/);
    expect(r.err).toMatch(/line 3: .*source_id/);
  });
});

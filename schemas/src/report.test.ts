import { describe, expect, it } from 'vitest';
import { parseNativeReport } from './report.ts';

const valid = {
  source: 'example-wire',
  source_id: 'EW-1001',
  published_at: '2025-03-01T10:15:00+02:00',
  headline: 'Troops move toward the border',
  body: 'Columns of armour were seen on the road north of the town.',
};

describe('native report', () => {
  it('accepts a minimal report and fills in version 1, with times in UTC', () => {
    const result = parseNativeReport(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.version).toBe(1);
    expect(result.value.published_at).toBe('2025-03-01T08:15:00.000Z');
  });

  it('requires source_id or url, and says so at a JSON path', () => {
    const { source_id: _drop, ...noId } = valid;
    const result = parseNativeReport(noId);
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: '$.source_id', message: 'either source_id or url is required to identify the report' },
      ],
    });
    expect(parseNativeReport({ ...noId, url: 'https://example.org/a' }).ok).toBe(true);
  });

  it('names every wrong field by JSON path', () => {
    const result = parseNativeReport({
      ...valid,
      published_at: 'yesterday',
      version: 0,
      subjects: ['ok', 3],
      headlin: 'x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['$', '$.published_at', '$.subjects[1]', '$.version'].sort());
  });

  it('rejects non-http URLs and non-objects', () => {
    expect(parseNativeReport({ ...valid, url: 'javascript:alert(1)' }).ok).toBe(false);
    expect(parseNativeReport([valid]).ok).toBe(false);
    expect(parseNativeReport(null).ok).toBe(false);
  });

  it('turns markup into text and drops scripts with their content', () => {
    const result = parseNativeReport({
      ...valid,
      headline: '<b>Shelling</b> reported <script>alert("x")</script>',
      body: '<p>First.</p><script>document.cookie</script><p>Second &amp; last.</p>',
      byline: '<i>Staff</i>',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.headline).toBe('Shelling reported');
    expect(result.value.body).toBe('First.\n\nSecond & last.');
    expect(result.value.byline).toBe('Staff');
  });

  it('keeps plain text that merely contains angle brackets', () => {
    const result = parseNativeReport({ ...valid, body: 'Casualties < 10 & rising' });
    expect(result.ok && result.value.body).toBe('Casualties < 10 & rising');
  });

  it('rejects a headline that is only markup', () => {
    const result = parseNativeReport({ ...valid, headline: '<script>alert(1)</script>' });
    expect(result).toMatchObject({ ok: false, issues: [{ path: '$.headline' }] });
  });
});

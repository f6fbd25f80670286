import { describe, expect, it } from 'vitest';
import { canonicalUrl, reportId } from './identity.ts';

describe('canonicalUrl', () => {
  it('lowercases the host, drops fragment, tracking parameters and trailing slash', () => {
    expect(
      canonicalUrl('HTTPS://News.Example.ORG:443/World/Story-1/?utm_source=x&b=2&a=1&utm_medium=y#top'),
    ).toBe('https://news.example.org/World/Story-1?a=1&b=2');
    expect(canonicalUrl('http://example.org/')).toBe('http://example.org');
  });
});

describe('reportId', () => {
  it('is stable and short', () => {
    const id = reportId({ source: 'example-wire', source_id: 'EW-1' });
    expect(id).toMatch(/^r_[0-9a-f]{16}$/);
    expect(reportId({ source: ' Example-Wire ', source_id: 'EW-1' })).toBe(id);
  });

  it('differs by source and id', () => {
    const a = reportId({ source: 'a', source_id: '1' });
    expect(reportId({ source: 'b', source_id: '1' })).not.toBe(a);
    expect(reportId({ source: 'a', source_id: '2' })).not.toBe(a);
  });

  it('uses the canonical URL when there is no source id, whatever the source', () => {
    const a = reportId({ source: 'a', url: 'https://example.org/story/?utm_campaign=z' });
    expect(reportId({ source: 'b', url: 'https://EXAMPLE.org/story#x' })).toBe(a);
  });

  it('prefers source_id over url', () => {
    expect(reportId({ source: 'a', source_id: '1', url: 'https://example.org/x' })).toBe(
      reportId({ source: 'a', source_id: '1' }),
    );
  });
});

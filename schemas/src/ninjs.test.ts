import { describe, expect, it } from 'vitest';
import { looksLikeNinjs, ninjsToNative } from './ninjs.ts';

const ninjs2 = {
  uri: 'urn:example:wire:2025:0042',
  type: 'text',
  version: '3',
  firstcreated: '2025-04-02T06:00:00Z',
  versioncreated: '2025-04-02T07:30:00Z',
  language: 'en',
  headlines: [
    { role: 'short', value: 'Drills' },
    { role: 'main', value: 'Naval drills announced near the strait' },
  ],
  bodies: [
    {
      role: 'main',
      contenttype: 'text/html',
      value: '<p>The ministry said <em>live fire</em>.</p><script>x()</script>',
    },
  ],
  descriptions: [{ role: 'summary', value: 'Drills start Monday.' }],
  subjects: [{ name: 'defence', code: 'medtop:11000000' }, { code: 'medtop:16000000' }],
  by: 'Wire staff',
  located: 'Port City',
  pubstatus: 'usable',
};

describe('ninjs → native', () => {
  it('recognises ninjs by its uri', () => {
    expect(looksLikeNinjs(ninjs2)).toBe(true);
    expect(looksLikeNinjs({ source: 'x', source_id: 'y', published_at: 'z' })).toBe(false);
  });

  it('maps a ninjs 2.x item', () => {
    const result = ninjsToNative(ninjs2, 'token-name');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({
      source: 'token-name',
      source_id: 'urn:example:wire:2025:0042',
      published_at: '2025-04-02T06:00:00.000Z',
      versioncreated: '2025-04-02T07:30:00.000Z',
      version: 3,
      headline: 'Naval drills announced near the strait',
      body: 'The ministry said live fire.',
      summary: 'Drills start Monday.',
      language: 'en',
      byline: 'Wire staff',
      located: 'Port City',
      subjects: ['defence', 'medtop:16000000'],
    });
  });

  it('maps the 1.x field names (headline, body_text, body_html, byline, subject)', () => {
    const result = ninjsToNative(
      {
        uri: 'urn:x:1',
        versioncreated: '2025-04-02T07:30:00Z',
        headline: 'Old style',
        body_html: '<p>Body <b>html</b></p>',
        byline: 'A. Writer',
        subject: [{ name: 'conflict' }],
        copyrightholder: 'Example Wire',
      },
      'fallback',
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        source: 'Example Wire',
        headline: 'Old style',
        body: 'Body html',
        byline: 'A. Writer',
        subjects: ['conflict'],
        version: 1,
      },
    });
  });

  it('prefers body_text over body_html', () => {
    const result = ninjsToNative(
      {
        uri: 'u',
        versioncreated: '2025-01-01T00:00:00Z',
        headline: 'h',
        body_text: 'plain',
        body_html: '<p>html</p>',
      },
      's',
    );
    expect(result.ok && result.value.body).toBe('plain');
  });

  it('rejects an item without a date or headline, or with a wrong type', () => {
    expect(ninjsToNative({ uri: 'u', headline: 'h' }, 's')).toMatchObject({
      ok: false,
      issues: [{ path: '$.versioncreated' }],
    });
    expect(ninjsToNative({ uri: 'u', versioncreated: '2025-01-01T00:00:00Z' }, 's')).toMatchObject({
      ok: false,
      issues: [{ path: '$.headlines' }],
    });
    expect(
      ninjsToNative({ uri: 'u', versioncreated: '2025-01-01T00:00:00Z', headlines: 'h' }, 's'),
    ).toMatchObject({
      ok: false,
      issues: [{ path: '$.headlines' }],
    });
  });
});

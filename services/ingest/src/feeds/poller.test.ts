import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed, type FeedItem } from '@wirewatch/schemas';
import { parseFeedList } from './feed-list.ts';
import { planItems } from './poller.ts';
import { FeedStateStore } from './state.ts';

const feed = {
  name: 'ministry',
  source: 'ministry',
  url: 'https://ministry.example.gov/press.atom',
  interval_s: 60,
};
const at = new Date('2025-03-04T12:00:00Z');
const atom = (entries: string) => {
  const parsed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${entries}</feed>`);
  if (!parsed.ok) throw new Error('fixture');
  return parsed.value.items;
};
const entry = (id: string, updated: string, title = `Entry ${id}`) =>
  `<entry><id>${id}</id><title>${title}</title><updated>${updated}</updated><link href="https://ministry.example.gov/${id}"/></entry>`;
const empty = { items: {}, dead: {} };

describe('planItems', () => {
  it('accepts new items and remembers them', () => {
    const plan = planItems(
      feed,
      atom(entry('a', '2025-03-04T10:00:00Z') + entry('b', '2025-03-04T11:00:00Z')),
      'en',
      empty,
      at,
    );
    expect(plan.accepted.map((a) => a.envelope.version)).toEqual([1, 1]);
    expect(Object.keys(plan.state.items)).toHaveLength(2);
    expect(plan.accepted[0]!.envelope.origin).toEqual({ channel: 'feed', name: 'ministry' });
  });

  it('skips items already ingested, and turns a newer `updated` into the next version', () => {
    const first = planItems(feed, atom(entry('a', '2025-03-04T10:00:00Z')), undefined, empty, at);
    const again = planItems(feed, atom(entry('a', '2025-03-04T10:00:00Z')), undefined, first.state, at);
    expect([again.accepted.length, again.seen]).toEqual([0, 1]);
    const updated = planItems(
      feed,
      atom(entry('a', '2025-03-04T11:30:00Z', 'Corrected')),
      undefined,
      again.state,
      at,
    );
    expect(updated.accepted.map((a) => [a.envelope.version, a.envelope.payload.headline])).toEqual([
      [2, 'Corrected'],
    ]);
    expect(updated.accepted[0]!.envelope.report_id).toBe(first.accepted[0]!.envelope.report_id);
  });

  it('dead-letters an invalid item once, with its original content and why', () => {
    const items: FeedItem[] = atom('<entry><title>No id, no link, no date</title></entry>');
    const plan = planItems(feed, items, undefined, empty, at);
    expect(plan.deadLetters).toHaveLength(1);
    expect(plan.deadLetters[0]).toMatchObject({
      reason: 'invalid_feed_item',
      step: 'feed.map',
      origin: feed.url,
    });
    expect(Buffer.from(plan.deadLetters[0]!.original_base64, 'base64').toString()).toContain(
      'No id, no link, no date',
    );
    const again = planItems(feed, items, undefined, plan.state, at);
    expect([again.deadLetters.length, again.seen]).toEqual([0, 1]);
  });

  it('counts a duplicate inside one document once', () => {
    const plan = planItems(
      feed,
      atom(entry('a', '2025-03-04T10:00:00Z') + entry('a', '2025-03-04T10:00:00Z')),
      undefined,
      empty,
      at,
    );
    expect([plan.accepted.length, plan.seen]).toEqual([1, 1]);
  });
});

describe('FeedStateStore', () => {
  it('survives a restart and writes atomically (no temporary file left)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-state-'));
    const path = join(dir, 'sub', 'state.json');
    const store = new FeedStateStore(path);
    await store.put(feed.url, {
      etag: '"v1"',
      items: { r_0000000000000001: { version: 1, versioncreated: null, at: 1 } },
      dead: {},
    });
    const reopened = new FeedStateStore(path);
    expect(reopened.get(feed.url)).toMatchObject({
      etag: '"v1"',
      items: { r_0000000000000001: { version: 1 } },
    });
    expect(reopened.get('https://other.example/feed')).toEqual({ items: {}, dead: {} });
    expect(JSON.parse(readFileSync(path, 'utf8')).schema_version).toBe(1);
  });

  it('refuses a corrupt state file rather than re-ingesting everything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-state-'));
    const path = join(dir, 'state.json');
    writeFileSync(path, '{"feeds": 3');
    expect(() => new FeedStateStore(path)).toThrow();
  });
});

describe('feed list', () => {
  it('reads YAML with defaults, and names problems', () => {
    const feeds = parseFeedList(
      'feeds:\n  - url: https://wire.example.org/rss\n    source: example-wire\n    interval_s: 120\n  - url: https://ministry.example.gov/press.atom\n    source: ministry\n',
    );
    expect(feeds).toEqual([
      { url: 'https://wire.example.org/rss', source: 'example-wire', name: 'example-wire', interval_s: 120 },
      {
        url: 'https://ministry.example.gov/press.atom',
        source: 'ministry',
        name: 'ministry',
        interval_s: 300,
      },
    ]);
    expect(() => parseFeedList('feeds:\n  - url: ftp://x\n    source: s\n')).toThrow(/url/);
    expect(() =>
      parseFeedList('[{"url":"https://a.example/","source":"s"},{"url":"https://b.example/","source":"s"}]'),
    ).toThrow(/two feeds are named "s"/);
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeReport } from '../normalize/index.ts';
import { StoryIndex } from './index.ts';
import type { DedupeInput } from './index.ts';
import { estimateJaccard, minhash, shingleHashes, signatureOf } from './minhash.ts';

interface Raw {
  id: string;
  source: string;
  source_id?: string;
  version?: number;
  published_at?: string;
  headline: string;
  body: string;
}

function report(r: Raw): DedupeInput {
  return {
    id: r.id,
    source: r.source,
    source_id: r.source_id ?? r.id,
    version: r.version ?? 1,
    published_at: r.published_at ?? '2025-03-04T06:00:00Z',
    headline: r.headline,
    text: normalizeReport({ headline: r.headline, body: r.body }).text,
  };
}

const POWER_PLANT_BODY = [
  'Russian missiles struck a thermal power plant on the eastern edge of Kharkiv before dawn on Tuesday, cutting electricity to about 200,000 homes, the regional governor said.',
  'Governor Oleh Syniehubov said two workers were killed and five were injured when at least four missiles hit the turbine hall.',
  'Firefighters were still working at the site in the morning, and engineers said repairs could take weeks.',
  'Ukraine\'s air force said it shot down six of ten missiles launched overnight across the country.',
].join('\n\n');

const original: Raw = {
  id: 'wire-a-1',
  source: 'wire-a',
  headline: 'Russian missiles hit Kharkiv power plant, two workers killed',
  body: `KHARKIV, Ukraine (Wire A) \u2014 ${POWER_PLANT_BODY}`,
};

const syndicatedCopy: Raw = {
  id: 'paper-b-77',
  source: 'paper-b',
  published_at: '2025-03-04T07:10:00Z',
  headline: 'Two dead as missiles strike Kharkiv power station',
  body: `By Staff Writer\n\nKHARKIV, March 4 (Wire A) - ${POWER_PLANT_BODY}\n\nSign up for our morning briefing\n\nRead More`,
};

const rewrite: Raw = {
  id: 'outlet-c-9',
  source: 'outlet-c',
  published_at: '2025-03-04T09:30:00Z',
  headline: 'Kharkiv power plant knocked out by Russian missile strike; 2 killed',
  body: [
    'A Russian missile attack knocked out a power plant in Kharkiv early on Tuesday, killing two employees and leaving large parts of the city without electricity.',
    'Regional officials said five people were hurt. The plant was hit by four missiles, according to Governor Syniehubov.',
  ].join('\n\n'),
};

const rewriteSameSource: Raw = {
  id: 'outlet-c-10',
  source: 'outlet-c',
  published_at: '2025-03-04T12:00:00Z',
  headline: 'Kharkiv without power after missiles kill two at plant',
  body: 'Engineers in Kharkiv said the power plant hit by four Russian missiles on Tuesday could take weeks to repair. Two workers were killed.',
};

const otherStrikeSameCity: Raw = {
  id: 'wire-a-2',
  source: 'wire-a',
  published_at: '2025-03-04T18:00:00Z',
  headline: 'Drone hits apartment block in Kharkiv, 11 injured',
  body: 'KHARKIV, Ukraine (Wire A) \u2014 A Shahed drone slammed into a nine-storey apartment block in the Saltivka district of Kharkiv on Tuesday evening, injuring 11 residents including a child, Mayor Ihor Terekhov said. The upper floors caught fire.',
};

describe('StoryIndex', () => {
  it('starts a story, then recognises an exact repeat as a duplicate of the first report', () => {
    const index = new StoryIndex();
    const first = index.add(report(original));
    expect(first).toMatchObject({ kind: 'new_story', duplicate_of: null, syndicated: false, independent_sources: 1 });
    const again = index.add(report({ ...original, id: 'wire-a-1-redelivered', source_id: 'wire-a-1' }));
    expect(again).toEqual({ ...first, kind: 'duplicate', duplicate_of: 'wire-a-1' });
    expect(index.size).toBe(1);
  });

  it('treats a newer version of a report as the same story, never a new one', () => {
    const index = new StoryIndex();
    const first = index.add(report(original));
    const v2 = index.add(
      report({ ...original, id: 'wire-a-1-v2', source_id: 'wire-a-1', version: 2, headline: 'Death toll rises to three at Kharkiv power plant', body: 'Completely rewritten text about the toll rising.' }),
    );
    expect(v2).toMatchObject({ kind: 'new_version', story_id: first.story_id, independent_sources: 1, syndicated: false });
  });

  it('groups a syndicated copy with a different dateline, byline and boilerplate without adding a source', () => {
    const index = new StoryIndex();
    const first = index.add(report(original));
    const copy = index.add(report(syndicatedCopy));
    expect(copy).toMatchObject({ kind: 'syndicated', story_id: first.story_id, syndicated: true, independent_sources: 1 });
  });

  it('groups an independent rewrite as a new independent source, counting each source once', () => {
    const index = new StoryIndex();
    const first = index.add(report(original));
    index.add(report(syndicatedCopy));
    const rw = index.add(report(rewrite));
    expect(rw).toMatchObject({ kind: 'rewrite', story_id: first.story_id, syndicated: false, independent_sources: 2 });
    const again = index.add(report(rewriteSameSource));
    expect(again).toMatchObject({ story_id: first.story_id, independent_sources: 2 });
  });

  it('keeps a different strike in the same city on the same day as a different story', () => {
    const index = new StoryIndex();
    const first = index.add(report(original));
    index.add(report(rewrite));
    const other = index.add(report(otherStrikeSameCity));
    expect(other.kind).toBe('new_story');
    expect(other.story_id).not.toBe(first.story_id);
  });

  it('keeps same-template reports of different events apart, and still joins their rewrites', () => {
    // Wire templates: the same words every time, only actors, places and numbers change.
    const actors = ['Norwegian', 'Chilean', 'Kenyan', 'Polish', 'Peruvian', 'Danish'];
    const places = ['Marvena', 'Doltrek', 'Ostrana', 'Velmora', 'Kesrin', 'Talvik', 'Brennor', 'Ulmast'];
    const index = new StoryIndex();
    const stories: string[] = [];
    for (let i = 0; i < 24; i++) {
      const actor = actors[i % actors.length]!;
      const place = places[i % places.length]!;
      const killed = 3 + ((i * 7) % 25);
      const r = index.add(
        report({
          id: `tpl-${i}`,
          source: 'wire-t',
          published_at: `2025-03-04T${String(i % 24).padStart(2, '0')}:00:00Z`,
          headline: `${actor} strike kills ${killed} in ${place}`,
          body: `A ${actor} missile strike hit ${place} overnight, killing ${killed} people, local authorities said. The authorities said they would respond.`,
        }),
      );
      expect(r.kind, `template report ${i}`).toBe('new_story');
      stories.push(r.story_id);
    }
    const rw = index.add(
      report({
        id: 'other-outlet-1',
        source: 'outlet-x',
        published_at: '2025-03-04T23:30:00Z',
        headline: `${places[5]} hit by missiles: ${3 + ((5 * 7) % 25)} dead`,
        body: `Missiles fired by ${actors[5]} forces struck ${places[5]} during the night and killed ${3 + ((5 * 7) % 25)} residents, according to local officials.`,
      }),
    );
    expect(rw).toMatchObject({ kind: 'rewrite', story_id: stories[5], independent_sources: 2 });
  });

  it('forgets reports older than the window and beyond maxEntries', () => {
    const index = new StoryIndex({ windowDays: 1 });
    index.add(report(original));
    index.add(report({ ...otherStrikeSameCity, published_at: '2025-03-07T00:00:00Z' }));
    expect(index.size).toBe(1);
    const late = index.add(report({ ...syndicatedCopy, published_at: '2025-03-07T01:00:00Z' }));
    expect(late.kind).toBe('new_story');

    const small = new StoryIndex({ maxEntries: 2 });
    small.add(report(original));
    small.add(report(otherStrikeSameCity));
    small.add(report({ ...otherStrikeSameCity, id: 'x-1', source: 'x', headline: 'Unrelated: parliament passes budget', body: 'The parliament passed the budget on Tuesday after a long debate.' }));
    expect(small.size).toBe(2);
    expect(small.add(report({ ...original, id: 'wire-a-1-again' })).kind).not.toBe('duplicate');
  });

  it('round-trips through export and restore to an identical index', () => {
    const inputs = [original, syndicatedCopy, rewrite, otherStrikeSameCity].map(report);
    const index = new StoryIndex();
    for (const r of inputs) index.add(r);
    const exported = index.export();
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    const restored = StoryIndex.restore(exported);
    expect(restored.size).toBe(index.size);
    expect(restored.export()).toEqual(exported);
    const next = report(rewriteSameSource);
    expect(restored.add(next)).toEqual(index.add(next));
    expect(restored.add(report(original))).toEqual(index.add(report(original)));
  });

  it('is deterministic: the same input gives the same story ids', () => {
    const run = () => {
      const index = new StoryIndex();
      return [original, syndicatedCopy, rewrite, otherStrikeSameCity, rewriteSameSource].map((r) => index.add(report(r)));
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a[0]!.story_id).toMatch(/^st-[0-9a-f]{16}$/);
  });

  it('accepts raw reports without a normalised text', () => {
    const index = new StoryIndex();
    const { text: _text, ...raw } = report(original);
    const first = index.add({ ...raw, body: original.body });
    const { text: _t2, ...rawCopy } = report(syndicatedCopy);
    expect(index.add({ ...rawCopy, body: syndicatedCopy.body })).toMatchObject({ kind: 'syndicated', story_id: first.story_id });
  });

  it('takes a fingerprint made by another index of the same options, and refuses a truncated one', () => {
    const maker = new StoryIndex();
    const index = new StoryIndex();
    const first = index.add(report(original), maker.fingerprint(report(original)));
    expect(index.add(report(syndicatedCopy), maker.fingerprint(report(syndicatedCopy)))).toMatchObject({ kind: 'syndicated', story_id: first.story_id });
    expect(() => index.add(report({ ...original, id: 'other', source: 'other-wire' }), new Uint32Array(3))).toThrow(/fingerprint shorter/);
  });

  it('rejects inconsistent LSH parameters', () => {
    expect(() => new StoryIndex({ numPerm: 64, bands: 10, rows: 4 })).toThrow(/numPerm/);
  });
});

describe('MinHash', () => {
  it('estimates Jaccard similarity of shingle sets within a few points', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const a = words.join(' ');
    const b = [...words.slice(0, 200), ...Array.from({ length: 100 }, (_, i) => `x${i}`)].join(' ');
    const sa = new Set(shingleHashes(a));
    const sb = new Set(shingleHashes(b));
    const inter = [...sa].filter((x) => sb.has(x)).length;
    const truth = inter / (sa.size + sb.size - inter);
    const est = estimateJaccard(minhash([...sa], 256), minhash([...sb], 256));
    expect(Math.abs(est - truth)).toBeLessThan(0.08);
  });

  it('estimates it with one-permutation MinHash too, and gives every text its own fixed signature', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const a = words.join(' ');
    const b = [...words.slice(0, 200), ...Array.from({ length: 100 }, (_, i) => `x${i}`)].join(' ');
    const params = { numPerm: 256, shingleSize: 3, maxShingles: 400 };
    const sa = new Set(shingleHashes(a, params));
    const sb = new Set(shingleHashes(b, params));
    const inter = [...sa].filter((x) => sb.has(x)).length;
    const truth = inter / (sa.size + sb.size - inter);
    const sigA = signatureOf(a, params, new Uint32Array(256));
    const est = estimateJaccard(sigA, signatureOf(b, params, new Uint32Array(256)));
    expect(Math.abs(est - truth)).toBeLessThan(0.08);
    expect(signatureOf(a, params, new Uint32Array(256))).toEqual(sigA);
    // Short texts leave bins empty; densification fills them alike for equal texts.
    expect(estimateJaccard(signatureOf('one two three four', params, new Uint32Array(256)), signatureOf('one two three four', params, new Uint32Array(256)))).toBe(1);
  });
});

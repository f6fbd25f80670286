import { normalizeReport, StoryIndex, type ReportInput } from '@wirewatch/analysis';
import { chTime, EmbeddedClickHouse } from '@wirewatch/clickhouse';
import { StoryStore } from '@wirewatch/workflows';
import { migratedClickHouse } from './helpers/clickhouse.ts';
import { afterAll, describe, expect, it } from 'vitest';

const RULESET = 'test-ruleset';
const BODY = [
  'Artillery fire hit a fuel depot on the outskirts of Kherson late on Sunday, starting a fire that burned through the night, the regional administration said.',
  'Emergency crews brought the blaze under control by morning; two workers were taken to hospital with burns, and no deaths were reported.',
  'The administration said the depot supplied the city’s bus fleet and that services would run on a reduced timetable for several days.',
].join('\n\n');

function report(id: string, source: string, headline: string, body = BODY): ReportInput {
  return { id, source, source_id: id, published_at: '2026-11-20T08:00:00.000Z', headline, body };
}

const candidate = (key: string, r: ReportInput) => ({ key, report: r, text: normalizeReport(r).text });

// The story index is shared by every worker through story_log: each store catches up on what the others logged
// before assigning, and a store opened later rebuilds the same index from the log.
describe('the shared story index (StoryStore over story_log)', () => {
  let ch: EmbeddedClickHouse;
  afterAll(async () => ch?.close());

  it('gives a copy logged by one worker the story another worker started, and rebuilds from fingerprints and older text rows', async () => {
    ch = await migratedClickHouse('stories');
    const a = await StoryStore.open(ch, { rulesetVersion: RULESET, windowDays: 7 });
    const b = await StoryStore.open(ch, { rulesetVersion: RULESET, windowDays: 7 });

    const original = report('r-1', 'wire-a', 'Shelling sets fuel depot ablaze near Kherson');
    const copy = report('r-2', 'paper-b', 'Shelling sets fuel depot ablaze near Kherson');
    const [first] = await a.assign([candidate('raw:0:1', original)]);
    expect(first!.kind).toBe('new_story');
    const [second] = await b.assign([candidate('raw:0:2', copy)]);
    expect(second).toMatchObject({ kind: 'syndicated', story_id: first!.story_id, syndicated: true });
    // A redelivered report gets the answer first logged for its key, whichever worker logged it.
    expect(await a.assign([candidate('raw:0:2', copy)])).toEqual([second]);

    // The log holds fingerprints, not texts.
    const logged = await ch.query<{ text: string; fp: string }>(`SELECT text, fingerprint AS fp FROM story_log ORDER BY seq`);
    expect(logged).toHaveLength(2);
    for (const row of logged) {
      expect(row.text).toBe('');
      expect(row.fp.length).toBeGreaterThan(300);
    }

    // A row as written before fingerprints were logged: text only, with the story a faithful replay gives it.
    const older = report(
      'r-3',
      'wire-c',
      'Parliament in Chisinau votes to extend state of emergency',
      [
        'Moldova’s parliament voted on Thursday to extend a state of emergency by sixty days, citing energy shortages and a surge in cyber attacks on state institutions.',
        'Opposition deputies walked out before the vote, accusing the governing party of using emergency powers to limit protests in the capital.',
      ].join('\n\n'),
    );
    const olderText = normalizeReport(older).text;
    const olderStory = new StoryIndex().add({ ...older, text: olderText }).story_id;
    await ch.insert('story_log', [
      {
        seq: String(BigInt(Date.now()) * 2000n),
        key: 'raw:0:0',
        report_id: older.id,
        source: older.source,
        source_id: older.source_id,
        version: 1,
        published_at: chTime(new Date(older.published_at)),
        headline: older.headline,
        text: olderText,
        story_id: olderStory,
        kind: 'new_story',
        syndicated: false,
        duplicate_of: null,
        independent_sources: 1,
        ruleset_version: RULESET,
      },
    ]);

    // A worker started now rebuilds both kinds of row and places copies of each where the others did.
    const c = await StoryStore.open(ch, { rulesetVersion: RULESET, windowDays: 7 });
    const [copyOfOriginal, copyOfOlder] = await c.assign([
      candidate('raw:0:4', report('r-4', 'paper-d', 'Fuel depot burns near Kherson after shelling')),
      candidate('raw:0:5', { ...older, id: 'r-5', source: 'paper-e', source_id: 'r-5' }),
    ]);
    expect(copyOfOriginal).toMatchObject({ kind: 'syndicated', story_id: first!.story_id });
    expect(copyOfOlder).toMatchObject({ kind: 'syndicated', story_id: olderStory });
  });
});

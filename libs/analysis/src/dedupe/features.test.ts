import { describe, expect, it } from 'vitest';
import { HEADLINE_FLAG, ENTITY_FLAG, NUMBER_FLAG, termFeatures, termSimilarity } from './features.ts';
import { leadOf } from './story-index.ts';

/** Headline and lead as StoryIndex sees them. */
const lead = (headline: string, body: string): Uint32Array => termFeatures(leadOf(headline, `${headline}\n\n${body}`));
const similarity = (a: [string, string], b: [string, string]) => termSimilarity(lead(...a), lead(...b));

const flagged = (terms: Uint32Array, flag: number): number => terms.filter((t) => (t & flag) !== 0).length;

describe('termFeatures', () => {
  it('marks capitalised words as names only where capitals are informative', () => {
    // "Negotiators" and "Strait" open sentences; "Velmora" and "Ostrana" are capitalised mid-sentence.
    const t = termFeatures('Talks resume in Velmora\nNegotiators met near Ostrana on Monday. Strait traffic was calm.');
    expect(flagged(t, ENTITY_FLAG)).toBe(2);
    // A title-case headline capitalises everything: only the lead can confirm a name.
    const title = termFeatures('Talks Resume After Long Pause In Velmora\nThe envoys met in Velmora.');
    expect(flagged(title, ENTITY_FLAG)).toBe(1);
  });

  it('marks headline terms and folds number words to digits', () => {
    const t = termFeatures('Three killed in Velmora\nThe 3 victims were farmers.');
    expect(flagged(t, NUMBER_FLAG)).toBe(1);
    expect(flagged(t, HEADLINE_FLAG)).toBeGreaterThanOrEqual(3);
  });
});

describe('termSimilarity: different events on one topic', () => {
  it('keeps strikes with different actors, places and tolls apart', () => {
    const s = similarity(
      ['Portuguese strike kills 14 in Marvena', 'A Portuguese missile strike hit Marvena in Norway overnight, killing 14 people, officials said on day 3.'],
      ['Belgian strike kills 9 in Doltrek', 'A Belgian missile strike hit Doltrek in Chile overnight, killing 9 people, officials said on day 8.'],
    );
    expect(s.namesConflict).toBe(true);
    expect(s.numbersConflict).toBe(true);
    expect(s.score).toBeLessThan(0.1);
  });

  it('keeps trade talks between different countries apart, even when one country is shared', () => {
    const s = similarity(
      ['Trade talks between Chile and Peru resume after pause', 'Negotiators from Chile and Peru met on Monday to discuss tariffs and shipping routes near Arequipa.'],
      ['Trade talks between Chile and Bolivia resume after pause', 'Negotiators from Chile and Bolivia met on Monday to discuss tariffs and shipping routes near Oruro.'],
    );
    expect(s.namesConflict).toBe(true);
    expect(s.score).toBeLessThan(0.2);
  });

  it('keeps troop moves toward different places apart although actor and number agree', () => {
    const s = similarity(
      ['Army moves 4,000 troops toward Velmora', 'The army has deployed about 4,000 troops near Velmora, officials said.'],
      ['Army moves 4,000 troops toward Ostrana', 'The army has deployed about 4,000 troops near Ostrana, officials said.'],
    );
    expect(s.namesConflict).toBe(true);
    expect(s.score).toBeLessThan(0.3);
  });

  it('does not let template words alone carry a match', () => {
    const s = similarity(['Strike kills dozens, officials say', ''], ['Strike kills many, officials say', '']);
    expect(s.anchored).toBe(false);
    expect(s.score).toBeLessThan(s.overlap);
  });
});

describe('termSimilarity: independent rewrites of one event', () => {
  it('matches different wording of the same facts', () => {
    const s = similarity(
      ['Missile strike on Odesa port kills three', 'Russian missiles hit the port of Odesa on Sunday night, killing three dock workers and injuring eight, the regional governor said.'],
      ['Three dead after missiles hit Odesa harbour', 'Three people were killed and eight wounded when missiles struck the harbour in Odesa late on Sunday, local officials said.'],
    );
    expect(s.namesConflict).toBe(false);
    expect(s.numbersConflict).toBe(false);
    expect(s.score).toBeGreaterThan(0.3);
  });

  it('matches transliterated place names', () => {
    const s = similarity(
      ['Shelling of Kharkov kills two, says mayor', 'Two people were killed when shells hit a market in Kharkov on Friday, the mayor said.'],
      ['Two killed as shells hit Kharkiv market', 'Shelling killed two people at a market in Kharkiv on Friday, according to the mayor.'],
    );
    expect(s.score).toBeGreaterThan(0.3);
  });
});

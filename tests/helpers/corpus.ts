/**
 * A generated corpus of wire reports with known structure, for pipeline tests: distinct stories, syndicated
 * copies (the same text from other outlets), wire updates (newer versions), exact repeats, and malformed
 * messages. Deterministic for a given size, so expected row counts can be computed exactly.
 */

import { rng } from './rng.ts';

export interface CorpusReport {
  source: string;
  source_id: string;
  published_at: string;
  headline: string;
  body: string;
  language: string;
  version?: number;
}

export interface Corpus {
  /** Reports in the order they are sent (repeats and updates included). */
  reports: CorpusReport[];
  /** Distinct (source, source_id, version): the rows `reports` must hold. */
  distinctVersions: number;
  /** Distinct (source, source_id): the report ids. */
  distinctReports: number;
  repeats: number;
  updates: number;
  syndicatedCopies: number;
  /** Distinct stories: originals (each with its copies, repeats and updates). */
  stories: number;
}

const COUNTRIES: readonly (readonly [string, string])[] = [
  ['Russia', 'Russian'], ['Ukraine', 'Ukrainian'], ['Israel', 'Israeli'], ['Lebanon', 'Lebanese'],
  ['China', 'Chinese'], ['Taiwan', 'Taiwanese'], ['India', 'Indian'], ['Pakistan', 'Pakistani'],
  ['Azerbaijan', 'Azerbaijani'], ['Armenia', 'Armenian'], ['Ethiopia', 'Ethiopian'], ['Eritrea', 'Eritrean'],
  ['Serbia', 'Serbian'], ['Sudan', 'Sudanese'], ['Chad', 'Chadian'], ['Iran', 'Iranian'],
  ['Syria', 'Syrian'], ['Turkey', 'Turkish'], ['Greece', 'Greek'], ['Morocco', 'Moroccan'],
  ['Algeria', 'Algerian'], ['Venezuela', 'Venezuelan'], ['Colombia', 'Colombian'], ['Somalia', 'Somali'],
];

/** Story i's two countries: every ordered pair once before any repeats, so stories rarely share their actors. */
function pairOf(i: number): [string, string, string, string] {
  const n = COUNTRIES.length;
  const first = i % n;
  const second = (first + 1 + (Math.floor(i / n) % (n - 1))) % n;
  const [a, aDem] = COUNTRIES[first]!;
  const [b, bDem] = COUNTRIES[second]!;
  return [a, aDem, b, bDem];
}
const SYLLABLES = ['ka', 'lo', 'vi', 'den', 'mar', 'tus', 'ri', 'sol', 'bek', 'an', 'zor', 'ul', 'mi', 'tra', 'gon', 'el'];
const WORDS = (
  'officials residents convoy bridge harbour rail depot market school hospital airfield governor council ' +
  'statement briefing analysts satellite images footage witnesses villagers refugees shelter supplies fuel ' +
  'power grid water wells roads checkpoint patrol curfew evacuation monitors observers mediators envoy talks ' +
  'ceasefire truce agreement parliament vote minister spokesman commander brigade battalion artillery drones ' +
  'radar coastguard vessel frigate submarine exercise drills reserves volunteers militia police border fence ' +
  'tunnel trench valley ridge plateau delta island strait canal pipeline refinery mine factory warehouse'
).split(' ');
const OUTLETS = ['harbour-times', 'plains-gazette', 'metro-daily', 'coast-herald', 'valley-post'];

/** A made-up place name, different for every story. */
function placeName(i: number, random: () => number): string {
  const parts = [SYLLABLES[i % SYLLABLES.length]!, SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length]!];
  parts.push(SYLLABLES[Math.floor(random() * SYLLABLES.length)]!);
  const name = parts.join('');
  return name[0]!.toUpperCase() + name.slice(1);
}

/** Sentences of random vocabulary: independent stories share little text, as real ones do. */
function filler(random: () => number, sentences: number): string {
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const words = Array.from({ length: 9 + Math.floor(random() * 6) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
    out.push(words[0]![0]!.toUpperCase() + words.join(' ').slice(1) + '.');
  }
  return out.join(' ');
}

function story(i: number, random: () => number): Omit<CorpusReport, 'source' | 'source_id' | 'published_at'> {
  const [a, aDem, b, bDem] = pairOf(i);
  const place = placeName(i, random);
  const extra = filler(random, 4);
  const troops = (1 + Math.floor(random() * 40)) * 500;
  const killed = 1 + Math.floor(random() * 30);
  const kind = i % 4;
  // Every story carries a serial number in its own words, so no two generated stories are near-duplicates.
  const serial = `Report ${i}`;
  const base = storyText(kind, { a, aDem, b, bDem, place, troops, killed, serial, i });
  return { ...base, body: `${base.body} ${extra}`, language: 'en' };
}

interface StoryFacts {
  a: string;
  aDem: string;
  b: string;
  bDem: string;
  place: string;
  troops: number;
  killed: number;
  serial: string;
  i: number;
}

function storyText(kind: number, { a, aDem, b, bDem, place, troops, killed, serial, i }: StoryFacts): { headline: string; body: string } {
  if (kind === 0) {
    return {
      headline: `${a} moves ${troops.toLocaleString('en-US')} troops toward ${place} (${serial})`,
      body: `${a} has deployed about ${troops.toLocaleString('en-US')} troops near ${place} facing ${b}, officials said on day ${i}. ${bDem} officials called the deployment a provocation and said they were watching closely. ${serial} was filed by the regional desk and covers movements observed over ${2 + (i % 5)} days.`
    };
  }
  if (kind === 1) {
    return {
      headline: `${aDem} strike kills ${killed} in ${place} (${serial})`,
      body: `A ${aDem} missile strike hit ${place} in ${b} overnight, killing ${killed} people, local authorities said on day ${i}. ${b} said it would respond. ${serial} includes accounts from ${3 + (i % 4)} witnesses.`
    };
  }
  if (kind === 2) {
    return {
      headline: `${b} summons ${aDem} ambassador over border incident (${serial})`,
      body: `${b} summoned the ${aDem} ambassador on day ${i} to protest an incident near ${place}. The foreign ministry demanded an explanation. ${serial} notes that ${a} has not commented.`
    };
  }
  return {
    headline: `Trade talks between ${a} and ${b} resume after pause (${serial})`,
    body: `Negotiators from ${a} and ${b} met on day ${i} to discuss tariffs and shipping routes near ${place}. Both sides said the talks were constructive. ${serial} lists ${4 + (i % 6)} items on the agenda.`,
  };
}

/** Builds a corpus of exactly `size` reports (plus nothing else): originals, copies, updates and repeats. */
export function generateCorpus(size: number, seed = 7): Corpus {
  const random = rng(seed);
  const reports: CorpusReport[] = [];
  const base = Date.parse('2026-11-01T00:00:00Z');
  let repeats = 0;
  let updates = 0;
  let syndicatedCopies = 0;
  let stories = 0;
  let i = 0;
  while (reports.length < size) {
    const s = story(i, random);
    const published = new Date(base + i * 7 * 60_000).toISOString();
    const original: CorpusReport = { ...s, source: 'demo-wire', source_id: `dw-${i}`, published_at: published };
    reports.push(original);
    stories += 1;
    // Every third story is syndicated by one or two outlets: same text, their own ids and furniture.
    if (i % 3 === 0) {
      for (let c = 0; c < 1 + (i % 2) && reports.length < size; c++) {
        const outlet = OUTLETS[(i + c) % OUTLETS.length]!;
        reports.push({ ...s, body: `${s.body}\n\nRead More`, source: outlet, source_id: `${outlet}-${i}`, published_at: published });
        syndicatedCopies += 1;
      }
    }
    // Every fifth story gets a wire update (version 2) with a corrected detail.
    if (i % 5 === 0 && reports.length < size) {
      reports.push({ ...original, version: 2, body: `${original.body} This version corrects an earlier figure.` });
      updates += 1;
    }
    // Every seventh original is sent twice (a producer retry): an exact repeat.
    if (i % 7 === 0 && reports.length < size) {
      reports.push({ ...original });
      repeats += 1;
    }
    i += 1;
  }
  return {
    reports,
    distinctVersions: reports.length - repeats,
    distinctReports: reports.length - repeats - updates,
    repeats,
    updates,
    syndicatedCopies,
    stories,
  };
}

/** Messages a broken producer might put on the raw topic: each must end in the dead-letter table with its reason. */
export const MALFORMED_MESSAGES: { key: string; value: Buffer; reason: string }[] = [
  { key: 'bad-json', value: Buffer.from('{"schema_version": 1, "report_id": '), reason: 'invalid_envelope' },
  { key: 'bad-shape', value: Buffer.from(JSON.stringify({ schema_version: 1, report_id: 'r_0000000000000000' })), reason: 'invalid_envelope' },
  { key: 'bad-utf8', value: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), reason: 'invalid_utf8' },
];

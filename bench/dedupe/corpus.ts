/**
 * A synthetic wire stream for measuring syndication and repeat detection: original reports, copies
 * of them run by other outlets (new byline, dateline and web furniture, sometimes shortened or
 * lightly edited) and exact redeliveries. Sentences come from the shared evaluation headlines, read at
 * run time, mixed with sentences generated here; the ground truth is which original each report copies.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../../tests/helpers/rng.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EVAL_DATA = resolve(REPO_ROOT, '../shared/data/eval');

export interface SyntheticReport {
  id: string;
  source: string;
  source_id: string;
  version: number;
  published_at: string;
  headline: string;
  body: string;
  /** Ground truth: the id of the original this report reproduces (itself for an original). */
  original: string;
  role: 'original' | 'copy' | 'repeat';
}

/** The rows of a JSON-lines file of the shared evaluation data (`../shared/data/eval`). */
export function readJsonl<T>(file: string): T[] {
  return readFileSync(resolve(EVAL_DATA, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Headlines of the shared evaluation sets, used as sentence material. */
export function loadSentencePool(): string[] {
  const pool = new Set<string>();
  for (const p of readJsonl<{ headline1: string; headline2: string }>('stsb-headline-pairs.jsonl')) {
    pool.add(p.headline1.trim());
    pool.add(p.headline2.trim());
  }
  for (const e of readJsonl<{ reports: { headline: string; n_events_with_this_headline: number | null }[] }>('ucdp-ukraine-event-headlines.jsonl')) {
    for (const r of e.reports) if (r.n_events_with_this_headline === 1 && r.headline.split(' ').length >= 5) pool.add(r.headline.trim());
  }
  return [...pool];
}

const PLACES = ['Kharkiv', 'Odesa', 'Dnipro', 'Zaporizhzhia', 'Kherson', 'Sumy', 'Mykolaiv', 'Kramatorsk', 'Pokrovsk', 'Chernihiv', 'Lviv', 'Poltava', 'Belgorod', 'Kursk', 'Bryansk', 'Donetsk', 'Luhansk', 'Izium', 'Kupiansk', 'Nikopol'];
const AGENCIES = ['Reuters', 'AP', 'AFP', 'dpa', 'Wire A'];
const OUTLETS = ['daily-herald', 'morning-post', 'city-times', 'news-online', 'evening-star', 'world-report', 'courier', 'gazette'];
const SUBJECTS = ['Officials', 'The regional governor', 'Emergency services', 'The defence ministry', 'A military spokesman', 'Local authorities', 'The mayor', 'Witnesses'];
const VERBS = ['said', 'reported', 'confirmed', 'told reporters', 'wrote on social media'];
const EVENTS = ['a drone struck a warehouse', 'missiles hit an energy facility', 'shelling damaged a school', 'an air raid alert lasted hours', 'a convoy came under fire', 'a fuel depot caught fire', 'air defences intercepted several drones', 'a bridge was damaged'];
const TAILS = [['Read More'], ['Sign up for our newsletter', 'Read More'], ['Click here to follow the live updates'], ['The Associated Press contributed to this report.'], []];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function generatedSentence(r: () => number): string {
  const n = 1 + Math.floor(r() * 40);
  return `${pick(r, SUBJECTS)} ${pick(r, VERBS)} that ${pick(r, EVENTS)} near ${pick(r, PLACES)}, and that ${n} people were affected.`;
}

function paragraphsFor(r: () => number, pool: string[], targetChars: number): string[] {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < targetChars) {
    const k = 2 + Math.floor(r() * 2);
    const sentences: string[] = [];
    for (let i = 0; i < k; i++) {
      // Generated sentences are formulaic, so they stay out of the lead and are a minority elsewhere.
      const s = paragraphs.length === 0 || r() < 0.85 ? pick(r, pool) : generatedSentence(r);
      sentences.push(/[.!?"]$/.test(s) ? s : `${s}.`);
    }
    const p = sentences.join(' ');
    paragraphs.push(p);
    size += p.length + 2;
  }
  return paragraphs;
}

/** Light copy-editing an outlet applies to wire copy. */
function copyEdit(r: () => number, paragraph: string): string {
  if (r() < 0.15) return paragraph.replace(/\bsaid\b/, 'says');
  if (r() < 0.1) return paragraph.replace(/\bthe\b/, 'a');
  return paragraph;
}

export interface CorpusOptions {
  originals: number;
  seed?: number;
  /** Probability that an original gets 1–3 syndicated copies. */
  copyRate?: number;
  /** Probability that a report is redelivered. */
  repeatRate?: number;
}

/** Builds the stream: originals in time order, copies within hours of their original, shuffled a little. */
export function buildCorpus(opts: CorpusOptions, pool = loadSentencePool()): SyntheticReport[] {
  const r = rng(opts.seed ?? 42);
  const copyRate = opts.copyRate ?? 0.5;
  const repeatRate = opts.repeatRate ?? 0.1;
  const start = Date.UTC(2025, 2, 1);
  const out: { at: number; report: SyntheticReport }[] = [];
  for (let i = 0; i < opts.originals; i++) {
    const at = start + i * 60_000 * 3;
    const place = pick(r, PLACES);
    const agency = pick(r, AGENCIES);
    const paragraphs = paragraphsFor(r, pool, 2000 + Math.floor(r() * 2000));
    const id = `wire-${i}`;
    const original: SyntheticReport = {
      id, source: `wire-${agency.toLowerCase().replace(/\W/g, '')}`, source_id: id, version: 1,
      published_at: new Date(at).toISOString(), headline: pick(r, pool),
      body: [`${place.toUpperCase()} (${agency}) - ${paragraphs[0]}`, ...paragraphs.slice(1)].join('\n\n'),
      original: id, role: 'original',
    };
    out.push({ at, report: original });
    if (r() < repeatRate) out.push({ at: at + 60_000, report: { ...original, id: `${id}-redelivered`, role: 'repeat' } });
    if (r() < copyRate) {
      const copies = 1 + Math.floor(r() * 3);
      for (let c = 0; c < copies; c++) {
        const outlet = OUTLETS[(i + c) % OUTLETS.length]!;
        const keep = r() < 0.3 ? Math.max(2, paragraphs.length - 1 - Math.floor(r() * 3)) : paragraphs.length;
        const body = paragraphs.slice(0, keep).map((p) => copyEdit(r, p));
        const dateline = r() < 0.5 ? `${place.toUpperCase()}, March ${1 + (i % 28)} (${agency}) \u2014 ` : `${place}, Ukraine \u2014 `;
        const byline = r() < 0.5 ? [`By ${pick(r, ['Jane Doe', 'Olena Koval', 'Sam Reed'])}`] : [];
        const copyAt = at + Math.floor(r() * 6 * 3_600_000);
        out.push({
          at: copyAt,
          report: {
            id: `${outlet}-${i}-${c}`, source: outlet, source_id: `${outlet}-${i}-${c}`, version: 1,
            published_at: new Date(copyAt).toISOString(), headline: r() < 0.5 ? original.headline : pick(r, pool),
            body: [...byline, `${dateline}${body[0]}`, ...body.slice(1), ...pick(r, TAILS)].join('\n\n'),
            original: id, role: 'copy',
          },
        });
      }
    }
  }
  // Arrival order: by time, so a copy can arrive before later originals but never before its own.
  out.sort((a, b) => a.at - b.at || (a.report.role === 'original' ? -1 : 1));
  return out.map((x) => x.report);
}

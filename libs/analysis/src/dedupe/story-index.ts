/**
 * StoryIndex: groups reports into stories, in arrival order. Pure and deterministic: the same
 * reports in the same order give the same story ids and results, and `export()`/`restore()` rebuild
 * exactly the same state (workers rebuild a shared index from stored entries on start).
 *
 * Per report, in this order:
 *   1. same source, source id and version seen   → duplicate (not stored again)
 *   2. same source and source id, other version  → new_version of that report, same story
 *   3. near-identical body text (MinHash + LSH)   → syndicated copy: same story, not independent
 *   4. similar headline and lead (term similarity)→ rewrite: same story, independent source
 *   5. otherwise                                  → new_story
 * The index is bounded: entries older than `windowDays` (by published_at, relative to the newest
 * report seen) and entries beyond `maxEntries` are evicted, oldest arrival first.
 */
import type { DedupeResult } from '../types.ts';
import { isIndexTerm, rewriteSimilarity, termFeatures, termKey, termSimilarity, termWeight } from './features.ts';
import type { TermFeatures } from './features.ts';
import { hex64 } from './hash.ts';
import { normalizeField } from '../normalize/index.ts';
import { DEFAULT_MINHASH, bandKeys, jaccardIfAtLeast, signatureOf } from './minhash.ts';

export interface StoryIndexOptions {
  /** Reports older than this (published_at, relative to the newest seen) are forgotten. Default 7. */
  windowDays?: number;
  /** At most this many reports are kept; the oldest arrivals go first. Default 200,000. */
  maxEntries?: number;
  /** Estimated Jaccard of body shingles from which a text is a copy. Default 0.5. */
  syndicationThreshold?: number;
  /** Rewrite similarity (headline + lead) from which a report joins a story. Default 0.35. */
  rewriteThreshold?: number;
  /** A rewrite must be published within this many hours of the report it matches. Default 72. */
  rewriteWindowHours?: number;
  /** MinHash permutations; must equal bands × rows. Default 64. */
  numPerm?: number;
  /** LSH bands and rows per band. Default 16 × 4. */
  bands?: number;
  rows?: number;
  /** Words per shingle. Default 3. */
  shingleSize?: number;
}

export interface DedupeInput {
  id: string;
  source: string;
  source_id: string;
  version?: number | undefined;
  /** ISO-8601 time. */
  published_at: string;
  headline: string;
  /**
   * The normalised text (NormalizedReport.text): headline, summary and body. When absent it is
   * built from `summary` and `body`; pass it when the report is normalised anyway.
   */
  text?: string | undefined;
  summary?: string | undefined;
  body?: string | undefined;
}

/** One stored report: what `export()` gives and `restore()` takes. JSON-safe. */
export interface StoryIndexEntry {
  id: string;
  story_id: string;
  source: string;
  source_id: string;
  version: number;
  published_at: string;
  /** Whether this report counts as an independent source of its story. */
  independent: boolean;
  /** Base64 of the little-endian MinHash signature followed by the packed terms (uint32 each). */
  data: string;
}

interface Entry {
  seq: number;
  id: string;
  storyId: string;
  source: string;
  sourceId: string;
  version: number;
  publishedAt: string;
  publishedMs: number;
  independent: boolean;
  /** MinHash signature (numPerm values), then the packed terms. */
  data: Uint32Array;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Candidate lookup reads at most this many of the most recent reports per term. */
const MAX_POSTINGS_PER_TERM = 32;
/** Of those, only the ones sharing the most term weight are scored in full. */
const MAX_SCORED_CANDIDATES = 8;
/**
 * Copy lookup reads at most this many of the most recent reports per LSH bucket. A bucket grows large only
 * for text many reports share (a wire's boilerplate paragraph); a real copy shares most of the 16 bands, so
 * it is still found through another bucket or by the rewrite ranking, which also checks for copies.
 */
const MAX_PER_BUCKET = 48;
/**
 * From this estimated Jaccard a text is a copy whatever its lead says: a datelined or re-cut lead can
 * show a number or name the original's lead lacks, but a reused template about another event differs
 * in more shingles than this allows.
 */
const CERTAIN_COPY_JACCARD = 0.8;
/** Lead characters (after the headline) that feed the term features. */
const LEAD_CHARS = 320;

type Resolved = Required<StoryIndexOptions>;

function resolve(opts: StoryIndexOptions = {}): Resolved {
  const r: Resolved = {
    windowDays: opts.windowDays ?? 7,
    maxEntries: opts.maxEntries ?? 200_000,
    syndicationThreshold: opts.syndicationThreshold ?? 0.5,
    rewriteThreshold: opts.rewriteThreshold ?? 0.4,
    rewriteWindowHours: opts.rewriteWindowHours ?? 72,
    numPerm: opts.numPerm ?? DEFAULT_MINHASH.numPerm,
    bands: opts.bands ?? 16,
    rows: opts.rows ?? 4,
    shingleSize: opts.shingleSize ?? DEFAULT_MINHASH.shingleSize,
  };
  if (r.bands * r.rows !== r.numPerm) throw new Error(`bands × rows (${r.bands}×${r.rows}) must equal numPerm (${r.numPerm})`);
  if (r.maxEntries < 1 || r.windowDays <= 0) throw new Error('maxEntries and windowDays must be positive');
  return r;
}

/** The body part of a normalised text: everything after the headline paragraph. */
export function bodyOf(headline: string, text: string): string {
  const cut = text.indexOf('\n\n');
  if (cut < 0) return text === headline ? '' : text;
  return text.slice(cut + 2);
}

/** Headline and the first characters of the body: what an independent write-up shares. */
export function leadOf(headline: string, text: string): string {
  const body = bodyOf(headline, text);
  return `${headline}\n${body.length > LEAD_CHARS ? body.slice(0, LEAD_CHARS) : body}`;
}

/** The normalised text of a report given raw: the same layout as NormalizedReport.text. */
function textOf(r: DedupeInput): string {
  return [normalizeField(r.headline, false), normalizeField(r.summary ?? ''), normalizeField(r.body ?? '')]
    .filter((p) => p !== '')
    .join('\n\n');
}

function reportKey(source: string, sourceId: string): string {
  return `${source}\u0000${sourceId}`;
}

function versionKey(source: string, sourceId: string, version: number): string {
  return `${source}\u0000${sourceId}\u0000${version}`;
}

function parseTime(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`published_at is not a valid time: ${iso}`);
  return ms;
}

/**
 * Posting lists hold a bare number while they have one member (most LSH buckets never get a second),
 * which saves an array per bucket; lists are in arrival order.
 */
type Postings = number | number[];

function addTo(map: Map<number, Postings>, key: number, seq: number): void {
  const p = map.get(key);
  if (p === undefined) map.set(key, seq);
  else if (typeof p === 'number') {
    if (p !== seq) map.set(key, [p, seq]);
  } else if (p[p.length - 1] !== seq) p.push(seq);
}

/** Removes `seq`; evictions happen in arrival order, so it is normally the first member. */
function removeFrom(map: Map<number, Postings>, key: number, seq: number): void {
  const p = map.get(key);
  if (p === undefined) return;
  if (typeof p === 'number') {
    if (p === seq) map.delete(key);
    return;
  }
  if (p[0] === seq) p.shift();
  else {
    const at = p.indexOf(seq);
    if (at >= 0) p.splice(at, 1);
  }
  if (p.length === 1) map.set(key, p[0]!);
  else if (p.length === 0) map.delete(key);
}

/** The bucket key of a band key within its half (see StoryIndex.buckets): its low 31 bits, as a signed number. */
function bucketKey(key: number): number {
  return (key << 1) >> 1;
}

/** A fingerprint (or any stored entry's data) as text: base64 of its values, little-endian. */
export function encodeFingerprint(data: Uint32Array): string {
  const bytes = Buffer.alloc(data.length * 4);
  for (let i = 0; i < data.length; i++) bytes.writeUInt32LE(data[i]!, i * 4);
  return bytes.toString('base64');
}

/** The inverse of `encodeFingerprint`. */
export function decodeFingerprint(b64: string): Uint32Array {
  const bytes = Buffer.from(b64, 'base64');
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}

interface StoryState {
  entries: number;
  sources: Map<string, number>;
}

interface Match {
  entry: Entry;
  syndicated: boolean;
}

export class StoryIndex {
  private readonly opts: Resolved;
  private readonly minhashParams;
  /** Stored reports in arrival order; entries[i].seq === headSeq + i. */
  private entries: Entry[] = [];
  private head = 0;
  private nextSeq = 0;
  private newestMs = -Infinity;
  private readonly byVersion = new Map<string, number>();
  private readonly byReport = new Map<string, number>();
  /**
   * LSH buckets. Band keys are full 32-bit hashes, which V8 boxes as Map keys (a slow lookup); split
   * on the top bit (see `bucketsOf`, `bucketKey`), the other 31 bits are a small integer it does not box.
   */
  private readonly buckets = [new Map<number, Postings>(), new Map<number, Postings>()] as const;
  private readonly postings = new Map<number, Postings>();
  /** Per story: stored entries, and independent entries per source (the story's independent sources are the keys). */
  private readonly stories = new Map<string, StoryState>();
  /** Shared-weight accumulator for candidate ranking, indexed by position in `entries`; all zero between calls. */
  private scratch = new Float64Array(0);
  /** Positions touched in `scratch` by one lookup. */
  private touched = new Int32Array(1024);
  /** Per position, the last copy lookup that compared it (so a report in several buckets is compared once). */
  private compared = new Uint32Array(0);
  private lookups = 0;

  constructor(opts?: StoryIndexOptions) {
    this.opts = resolve(opts);
    this.minhashParams = { numPerm: this.opts.numPerm, shingleSize: this.opts.shingleSize, maxShingles: DEFAULT_MINHASH.maxShingles };
  }

  /** Stored reports (duplicates are not stored). */
  get size(): number {
    return this.entries.length - this.head;
  }

  /**
   * Adds a report. `fingerprint` is the report's `fingerprint()` when it was computed elsewhere (another
   * thread, with an index of the same options); it is the larger part of the cost of adding a report.
   */
  add(r: DedupeInput, fingerprint?: Uint32Array): DedupeResult {
    const version = r.version ?? 1;
    const publishedMs = parseTime(r.published_at);

    const firstOfVersion = this.lookup(this.byVersion.get(versionKey(r.source, r.source_id, version)));
    if (firstOfVersion !== undefined) {
      return {
        story_id: firstOfVersion.storyId,
        duplicate_of: firstOfVersion.id,
        syndicated: false,
        independent_sources: this.independentSources(firstOfVersion.storyId),
        kind: 'duplicate',
      };
    }

    if (fingerprint !== undefined && fingerprint.length < this.opts.numPerm) throw new Error(`report ${r.id}: fingerprint shorter than numPerm`);
    const data = fingerprint ?? this.fingerprint(r);
    const keys = bandKeys(this.signature(data), this.opts.bands, this.opts.rows);
    const previousVersion = this.lookup(this.byReport.get(reportKey(r.source, r.source_id)));
    let result: DedupeResult;
    if (previousVersion !== undefined) {
      // Same report, edited: same story, and it counts as the earlier version did.
      this.store(r, version, publishedMs, previousVersion.storyId, previousVersion.independent, data, keys);
      result = this.result(previousVersion.storyId, false, 'new_version');
    } else {
      const match = this.findMatch(publishedMs, data, keys);
      if (match === null) {
        const storyId = `st-${hex64(r.id)}`;
        this.store(r, version, publishedMs, storyId, true, data, keys);
        result = this.result(storyId, false, 'new_story');
      } else if (match.syndicated) {
        this.store(r, version, publishedMs, match.entry.storyId, false, data, keys);
        result = this.result(match.entry.storyId, true, 'syndicated');
      } else {
        this.store(r, version, publishedMs, match.entry.storyId, true, data, keys);
        result = this.result(match.entry.storyId, false, 'rewrite');
      }
    }
    this.evict();
    return result;
  }

  /** The stored reports, oldest first. */
  export(): StoryIndexEntry[] {
    const out: StoryIndexEntry[] = [];
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      out.push({
        id: e.id,
        story_id: e.storyId,
        source: e.source,
        source_id: e.sourceId,
        version: e.version,
        published_at: e.publishedAt,
        independent: e.independent,
        data: encodeFingerprint(e.data),
      });
    }
    return out;
  }

  /** Rebuilds an index from exported entries (with the options it was built with). */
  static restore(entries: readonly StoryIndexEntry[], opts?: StoryIndexOptions): StoryIndex {
    const index = new StoryIndex(opts);
    for (const e of entries) {
      const data = decodeFingerprint(e.data);
      if (data.length < index.opts.numPerm) throw new Error(`entry ${e.id}: signature shorter than numPerm`);
      index.storeEntry(
        {
        seq: index.nextSeq++,
        id: e.id,
        storyId: e.story_id,
        source: e.source,
        sourceId: e.source_id,
        version: e.version,
        publishedAt: e.published_at,
        publishedMs: parseTime(e.published_at),
        independent: e.independent,
        data,
        },
        bandKeys(data.subarray(0, index.opts.numPerm), index.opts.bands, index.opts.rows),
      );
      index.evict();
    }
    return index;
  }

  /**
   * What the index compares a report by: its MinHash signature (numPerm values), then its packed term
   * features. Pure: it depends only on the report and the index's options, not on what the index holds.
   */
  fingerprint(r: DedupeInput): Uint32Array {
    const { numPerm } = this.opts;
    const text = r.text ?? textOf(r);
    const body = bodyOf(r.headline, text);
    const terms = termFeatures(leadOf(r.headline, text));
    const data = new Uint32Array(numPerm + terms.length);
    signatureOf(body === '' ? r.headline : body, this.minhashParams, data.subarray(0, numPerm));
    data.set(terms, numPerm);
    return data;
  }

  private signature(data: Uint32Array): Uint32Array {
    return data.subarray(0, this.opts.numPerm);
  }

  private terms(data: Uint32Array): TermFeatures {
    return data.subarray(this.opts.numPerm);
  }

  /** The half of the buckets a band key belongs to: by its top bit. */
  private bucketsOf(key: number): Map<number, Postings> {
    return this.buckets[key >>> 31]!;
  }

  private lookup(seq: number | undefined): Entry | undefined {
    if (seq === undefined) return undefined;
    const at = seq - this.entries[this.head]!.seq + this.head;
    return this.entries[at];
  }

  /**
   * The best earlier report of the same story: a syndicated copy first, else the closest rewrite.
   * A near-identical text whose lead gives other names or numbers is a wire template reused for
   * another event (another strike, other talks), not a copy.
   */
  private findMatch(publishedMs: number, data: Uint32Array, keys: readonly number[]): Match | null {
    if (this.size === 0) return null;
    const { syndicationThreshold, rewriteThreshold, rewriteWindowHours } = this.opts;
    const sig = this.signature(data);
    const terms = this.terms(data);
    let best: Entry | null = null;
    let bestJaccard = 0;
    if (this.compared.length < this.entries.length) this.compared = new Uint32Array(Math.max(this.entries.length, this.compared.length * 2, 1024));
    const lookup = ++this.lookups;
    const base = this.entries[this.head]!.seq - this.head;
    for (const key of keys) {
      const p = this.bucketsOf(key).get(bucketKey(key));
      if (p === undefined) continue;
      const list = typeof p === 'number' ? null : p;
      const n = list === null ? 1 : list.length;
      for (let k = n - 1; k >= 0 && k >= n - MAX_PER_BUCKET; k--) {
        const seq = list === null ? (p as number) : list[k]!;
        if (this.compared[seq - base] === lookup) continue;
        this.compared[seq - base] = lookup;
        const e = this.lookup(seq)!;
        // `sig` (numPerm values) bounds the comparison to the signature at the start of e.data: no view is made.
        const j = jaccardIfAtLeast(sig, e.data, Math.max(syndicationThreshold, bestJaccard));
        if (j < 0 || j < syndicationThreshold || j < bestJaccard || (j === bestJaccard && best !== null && e.seq >= best.seq)) continue;
        if (j < CERTAIN_COPY_JACCARD && termSimilarity(terms, this.terms(e.data)).bodyConflict) continue;
        best = e;
        bestJaccard = j;
      }
    }
    if (best !== null) return { entry: best, syndicated: true };

    // Rank candidates by how much index-term weight they share, then score only the best few fully.
    const candidates = this.topCandidates(this.accumulateSharedWeight(terms), MAX_SCORED_CANDIDATES);
    let bestRewrite: Entry | null = null;
    let bestScore = 0;
    for (const seq of candidates) {
      const e = this.lookup(seq)!;
      const hoursApart = (publishedMs - e.publishedMs) / HOUR_MS;
      if (Math.abs(hoursApart) > rewriteWindowHours) continue;
      const other = this.terms(e.data);
      // A copy that the bands missed is still a copy.
      const j = jaccardIfAtLeast(sig, e.data, syndicationThreshold);
      if (j >= 0 && j >= syndicationThreshold && j > bestJaccard && (j >= CERTAIN_COPY_JACCARD || !termSimilarity(terms, other).bodyConflict)) {
        best = e;
        bestJaccard = j;
      }
      const score = rewriteSimilarity(terms, other, hoursApart);
      if (score > bestScore || (score === bestScore && bestRewrite !== null && e.seq < bestRewrite.seq)) {
        bestRewrite = e;
        bestScore = score;
      }
    }
    if (best !== null) return { entry: best, syndicated: true };
    if (bestRewrite !== null && bestScore >= rewriteThreshold) return { entry: bestRewrite, syndicated: false };
    return null;
  }

  /**
   * Adds up, per stored report, the weight of index terms it shares with `terms` (most recent
   * postings only). Uses a scratch array indexed by position in the index rather than a Map: this
   * runs for every report over up to a thousand postings. Returns how many positions it touched
   * (listed at the start of `this.touched`).
   */
  private accumulateSharedWeight(terms: TermFeatures): number {
    const n = this.entries.length;
    if (this.scratch.length < n) this.scratch = new Float64Array(Math.max(n, this.scratch.length * 2, 1024));
    const scratch = this.scratch;
    let touched = this.touched;
    let count = 0;
    const base = this.entries[this.head]!.seq - this.head;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      if (!isIndexTerm(term)) continue;
      const p = this.postings.get(termKey(term));
      if (p === undefined) continue;
      const w = termWeight(term);
      const list = typeof p === 'number' ? null : p;
      const len = list === null ? 1 : list.length;
      for (let k = len - 1; k >= 0 && k >= len - MAX_POSTINGS_PER_TERM; k--) {
        const at = (list === null ? (p as number) : list[k]!) - base;
        if (scratch[at] === 0) {
          if (count === touched.length) {
            const grown = new Int32Array(touched.length * 2);
            grown.set(touched);
            touched = this.touched = grown;
          }
          touched[count++] = at;
        }
        scratch[at]! += w;
      }
    }
    return count;
  }

  /** The seqs of the `k` touched positions with the most shared weight (ties: the more recent); clears the scratch. */
  private topCandidates(count: number, k: number): number[] {
    const positions: number[] = [];
    const values: number[] = [];
    const scratch = this.scratch;
    const touched = this.touched;
    for (let t = 0; t < count; t++) {
      const at = touched[t]!;
      const value = scratch[at]!;
      scratch[at] = 0;
      const size = positions.length;
      if (size === k && (value < values[k - 1]! || (value === values[k - 1]! && at < positions[k - 1]!))) continue;
      // Insertion into a short sorted list: k is small.
      let i = size === k ? k - 1 : size;
      while (i > 0 && (values[i - 1]! < value || (values[i - 1] === value && positions[i - 1]! < at))) {
        if (i < k) {
          positions[i] = positions[i - 1]!;
          values[i] = values[i - 1]!;
        }
        i--;
      }
      positions[i] = at;
      values[i] = value;
    }
    for (let i = 0; i < positions.length; i++) positions[i] = this.entries[positions[i]!]!.seq;
    return positions;
  }

  private store(r: DedupeInput, version: number, publishedMs: number, storyId: string, independent: boolean, data: Uint32Array, keys: readonly number[]): void {
    this.storeEntry(
      {
      seq: this.nextSeq++,
      id: r.id,
      storyId,
      source: r.source,
      sourceId: r.source_id,
      version,
      publishedAt: r.published_at,
      publishedMs,
      independent,
      data,
      },
      keys,
    );
  }

  private storeEntry(e: Entry, keys: readonly number[]): void {
    if (this.size === 0) {
      this.entries = [];
      this.head = 0;
    }
    this.entries.push(e);
    this.newestMs = Math.max(this.newestMs, e.publishedMs);
    const vKey = versionKey(e.source, e.sourceId, e.version);
    if (!this.byVersion.has(vKey)) this.byVersion.set(vKey, e.seq);
    this.byReport.set(reportKey(e.source, e.sourceId), e.seq);
    for (const key of keys) addTo(this.bucketsOf(key), bucketKey(key), e.seq);
    const terms = this.terms(e.data);
    for (let t = 0; t < terms.length; t++) if (isIndexTerm(terms[t]!)) addTo(this.postings, termKey(terms[t]!), e.seq);
    let story = this.stories.get(e.storyId);
    if (story === undefined) {
      story = { entries: 0, sources: new Map() };
      this.stories.set(e.storyId, story);
    }
    story.entries++;
    if (e.independent) story.sources.set(e.source, (story.sources.get(e.source) ?? 0) + 1);
  }

  private evict(): void {
    const oldestAllowedMs = this.newestMs - this.opts.windowDays * DAY_MS;
    while (this.size > 0) {
      const e = this.entries[this.head]!;
      if (this.size <= this.opts.maxEntries && e.publishedMs >= oldestAllowedMs) break;
      this.remove(e);
      this.entries[this.head] = undefined as unknown as Entry;
      this.head++;
    }
    // Compact the array now and then so the evicted prefix does not hold memory.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  private remove(e: Entry): void {
    const vKey = versionKey(e.source, e.sourceId, e.version);
    if (this.byVersion.get(vKey) === e.seq) this.byVersion.delete(vKey);
    const rKey = reportKey(e.source, e.sourceId);
    if (this.byReport.get(rKey) === e.seq) this.byReport.delete(rKey);
    for (const key of bandKeys(this.signature(e.data), this.opts.bands, this.opts.rows)) removeFrom(this.bucketsOf(key), bucketKey(key), e.seq);
    const terms = this.terms(e.data);
    for (let t = 0; t < terms.length; t++) if (isIndexTerm(terms[t]!)) removeFrom(this.postings, termKey(terms[t]!), e.seq);
    const story = this.stories.get(e.storyId);
    if (story !== undefined) {
      if (e.independent) {
        const n = (story.sources.get(e.source) ?? 1) - 1;
        if (n <= 0) story.sources.delete(e.source);
        else story.sources.set(e.source, n);
      }
      if (--story.entries === 0) this.stories.delete(e.storyId);
    }
  }

  private independentSources(storyId: string): number {
    return this.stories.get(storyId)?.sources.size ?? 0;
  }

  private result(storyId: string, syndicated: boolean, kind: DedupeResult['kind']): DedupeResult {
    return { story_id: storyId, duplicate_of: null, syndicated, independent_sources: this.independentSources(storyId), kind };
  }
}

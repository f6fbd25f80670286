import { decodeFingerprint, encodeFingerprint, StoryIndex, type DedupeResult, type ReportInput } from '@wirewatch/analysis';
import { chTime, type ClickHouse } from '@wirewatch/clickhouse';
import type { StoryAssigner, StoryCandidate } from './activities.ts';

interface LogRow {
  seq_text: string;
  key: string;
  report_id: string;
  source: string;
  source_id: string;
  version: number;
  published_text: string;
  headline: string;
  text: string;
  fingerprint: string;
  story_id: string;
  kind: DedupeResult['kind'];
  syndicated: boolean;
  duplicate_of: string | null;
  independent_sources: number;
}

export interface StoryStoreOptions {
  rulesetVersion: string;
  /** How far back (days of publication time) the index is rebuilt on start. */
  windowDays: number;
}

/**
 * The shared story index: the analysis engine's in-memory StoryIndex, made durable and shared through
 * the `story_log` table. Assignments are serialised in this process (one at a time, in arrival order);
 * before each, the store catches up on rows other workers logged, so every worker converges on one index.
 * A redelivered report (same log key) gets the answer it got the first time.
 */
export class StoryStore implements StoryAssigner {
  private index: StoryIndex;
  private readonly decided = new Map<string, DedupeResult>();
  private highWater = 0n;
  private lastSeq = 0n;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly ch: ClickHouse,
    private readonly options: StoryStoreOptions,
  ) {
    this.index = new StoryIndex({ windowDays: options.windowDays });
  }

  /** Opens the store and rebuilds the index from the log. */
  static async open(ch: ClickHouse, options: StoryStoreOptions): Promise<StoryStore> {
    const store = new StoryStore(ch, options);
    await store.catchUp();
    return store;
  }

  get size(): number {
    return this.decided.size;
  }

  assign(candidates: readonly StoryCandidate[]): Promise<DedupeResult[]> {
    const run = this.queue.then(() => this.assignNow(candidates));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async assignNow(candidates: readonly StoryCandidate[]): Promise<DedupeResult[]> {
    await this.catchUp();
    const results: DedupeResult[] = [];
    const logged: object[] = [];
    for (const { key, report, text, fingerprint } of candidates) {
      const known = this.decided.get(key);
      if (known) {
        results.push(known);
        continue;
      }
      const { result, data } = this.add(key, report, text, fingerprint);
      const seq = this.nextSeq();
      logged.push(this.logRow(seq, key, report, data, result));
      results.push(result);
    }
    // Logged before the answers are used: a crash after this re-reads them on restart. If the log write
    // fails, the in-memory index is ahead of the log, so it is rebuilt from the log before the retry.
    try {
      await this.ch.insert('story_log', logged);
    } catch (err) {
      this.reset();
      throw err;
    }
    return results;
  }

  /** Adds a report to the index, fingerprinting it unless that was done already; returns the fingerprint too. */
  private add(key: string, report: ReportInput, text: string, fingerprint?: Uint32Array): { result: DedupeResult; data: Uint32Array } {
    const input = {
      id: report.id,
      source: report.source,
      source_id: report.source_id,
      version: report.version ?? 1,
      published_at: report.published_at,
      headline: report.headline,
      text,
    };
    const data = fingerprint ?? this.index.fingerprint(input);
    const result = this.index.add(input, data);
    this.decided.set(key, result);
    return { result, data };
  }

  /** Sequence numbers order arrivals across workers: microseconds since the epoch, strictly increasing here. */
  private nextSeq(): bigint {
    const now = BigInt(Date.now()) * 1000n;
    this.lastSeq = now > this.lastSeq ? now : this.lastSeq + 1n;
    return this.lastSeq;
  }

  /** The log keeps the fingerprint, not the text: a rebuild decodes it instead of fingerprinting the window again. */
  private logRow(seq: bigint, key: string, report: ReportInput, fingerprint: Uint32Array, result: DedupeResult): object {
    return {
      seq: seq.toString(),
      key,
      report_id: report.id,
      source: report.source,
      source_id: report.source_id,
      version: report.version ?? 1,
      published_at: chTime(new Date(report.published_at)),
      headline: report.headline,
      fingerprint: encodeFingerprint(fingerprint),
      story_id: result.story_id,
      kind: result.kind,
      syndicated: result.syndicated,
      duplicate_of: result.duplicate_of,
      independent_sources: result.independent_sources,
      ruleset_version: this.options.rulesetVersion,
    };
  }

  private reset(): void {
    this.index = new StoryIndex({ windowDays: this.options.windowDays });
    this.decided.clear();
    this.highWater = 0n;
  }

  /** Replays log rows this process has not seen (its own included after a restart), in arrival order. */
  private async catchUp(): Promise<void> {
    // A rebuild reads the dedupe window back from the newest report logged; catching up reads only newer rows.
    const window =
      this.highWater === 0n
        ? `AND published_at >= (SELECT max(published_at) FROM story_log WHERE ruleset_version = {ruleset:String})
             - INTERVAL {days:UInt32} DAY`
        : '';
    const rows = await this.ch.query<LogRow>(
      `SELECT toString(seq) AS seq_text, key, report_id, source, source_id, version,
              toString(published_at) AS published_text, headline, text, fingerprint, story_id, kind, syndicated,
              duplicate_of, independent_sources
       FROM story_log
       WHERE ruleset_version = {ruleset:String} AND seq > {after:UInt64} ${window}
       ORDER BY seq`,
      { ruleset: this.options.rulesetVersion, after: this.highWater.toString(), days: this.options.windowDays },
    );
    for (const row of rows) {
      this.highWater = BigInt(row.seq_text);
      if (this.lastSeq < this.highWater) this.lastSeq = this.highWater;
      if (this.decided.has(row.key)) continue;
      const report: ReportInput = {
        id: row.report_id,
        source: row.source,
        source_id: row.source_id,
        version: row.version,
        published_at: new Date(row.published_text.replace(' ', 'T') + 'Z').toISOString(),
        headline: row.headline,
        body: '',
      };
      // Re-adding in arrival order rebuilds the same index; the logged answer stays authoritative.
      // Rows logged before migration 012 have only the text, and are fingerprinted from it.
      this.add(row.key, report, row.text, row.fingerprint === '' ? undefined : decodeFingerprint(row.fingerprint));
      this.decided.set(row.key, {
        story_id: row.story_id,
        duplicate_of: row.duplicate_of,
        syndicated: row.syndicated,
        independent_sources: row.independent_sources,
        kind: row.kind,
      });
    }
  }
}

import { Worker } from 'node:worker_threads';
import type { DedupeResult, NormalizedReport, ReportInput } from '@wirewatch/analysis';
import { joinAnalysedRows, type AnalysedRows, type RowHead } from './rows.ts';

export interface AnalysisJob {
  report: ReportInput;
  story: DedupeResult;
  /** What the report's rows share (identity, lineage, times): the thread writes them. */
  head: RowHead;
  /** The report's normalisation when the caller has it (dedupe made it), so the thread does not redo it. */
  normalized?: NormalizedReport | undefined;
  /** The key the report was prepared under (`prepareMany`): the thread reuses the normalisation it kept. */
  key?: string | undefined;
}

/** A report to prepare for the story index, keyed by where it sits in the log. */
export interface PrepareJob {
  key: string;
  report: ReportInput;
}

/** What the story index needs of a report: its normalised text and its fingerprint (`StoryIndex.fingerprint`). */
export interface PreparedReport {
  text: string;
  fingerprint: Uint32Array;
}

/**
 * `release`: keys whose kept normalisations will not be analysed (the batch's duplicates); the thread drops them.
 * `signalMinScore`: the score from which an analysed report raises an escalation signal.
 */
export type AnalysisRequest =
  | { id: number; kind: 'analyze'; jobs: AnalysisJob[]; release?: string[]; signalMinScore: number }
  | { id: number; kind: 'prepare'; jobs: PrepareJob[] };
export type AnalysisResponse = { id: number; results: AnalysedRows | PreparedReport[] } | { id: number; error: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  resolve: (results: AnalysedRows | PreparedReport[]) => void;
  reject: (err: Error) => void;
}

const THREAD_ENTRY = new URL('./analysis-thread.mjs', import.meta.url);

/**
 * Worker threads running the analysis engine, so a batch's per-report CPU work runs beside the event loop that
 * serves ingest, Kafka, Temporal and ClickHouse instead of on it: first preparing the reports for the story index
 * (normalising and fingerprinting them), then, once the index has placed them, analysing them and writing their
 * rows. The engine is pure, so a thread needs only the reports, the stories the shared index gave them and what
 * their rows share; it hands back the rows serialised per table (JSONEachRow bytes, in job order) and the batch's
 * signals, so results never become objects on the event loop's heap. A thread keeps the normalisations it made for
 * the analysis that follows; the same chunk of a batch goes to the same thread both times, and a normalisation the
 * thread no longer holds is made again. A thread that dies fails the requests it held (the batch step retries) and
 * is replaced.
 */
export class AnalysisPool {
  private readonly threads: Worker[] = [];
  private readonly pending = new Map<number, { thread: Worker } & Pending>();
  private nextId = 0;
  private closed = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.threads.push(this.spawn());
  }

  get size(): number {
    return this.threads.length;
  }

  /** Normalises and fingerprints the reports for the story index, split across the threads; results in job order. */
  async prepareMany(jobs: readonly PrepareJob[]): Promise<PreparedReport[]> {
    if (jobs.length === 0) return [];
    const parts = await Promise.all(this.chunks(jobs).map(({ thread, part }) => this.request(thread, { kind: 'prepare', jobs: part })));
    return (parts as PreparedReport[][]).flat();
  }

  /**
   * Analyses the jobs, split across the threads in contiguous chunks, and returns their rows in job order.
   * `release` names prepared keys that will not be analysed (the batch's duplicates), so the threads drop what they
   * kept for them.
   */
  async analyzeMany(jobs: readonly AnalysisJob[], release: readonly string[], signalMinScore: number): Promise<AnalysedRows> {
    // Every thread hears the releases, since any of them may hold a released key.
    const chunks = this.chunks(jobs, release.length > 0);
    const parts = await Promise.all(
      chunks.map(({ thread, part }) => this.request(thread, { kind: 'analyze', jobs: part, release: [...release], signalMinScore })),
    );
    return joinAnalysedRows(parts as AnalysedRows[]);
  }

  /** Chunk i of the jobs goes to thread i, so a batch's prepared chunks and its analysed chunks mostly meet on one thread. */
  private chunks<T>(jobs: readonly T[], everyThread = false): { thread: Worker; part: T[] }[] {
    if (this.closed) throw new Error('analysis pool is closed');
    const size = Math.max(1, Math.ceil(jobs.length / this.threads.length));
    const out: { thread: Worker; part: T[] }[] = [];
    for (let i = 0; i < this.threads.length && (i * size < jobs.length || everyThread || i === 0); i++) {
      out.push({ thread: this.threads[i]!, part: jobs.slice(i * size, (i + 1) * size) });
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.terminate()));
  }

  private request(thread: Worker, request: DistributiveOmit<AnalysisRequest, 'id'>): Promise<AnalysedRows | PreparedReport[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { thread, resolve, reject });
      thread.postMessage({ ...request, id });
    });
  }

  private spawn(): Worker {
    const thread = new Worker(THREAD_ENTRY);
    // An idle pool does not keep the process alive.
    thread.unref();
    thread.on('message', (response: AnalysisResponse) => {
      const p = this.pending.get(response.id);
      if (!p) return;
      this.pending.delete(response.id);
      if ('error' in response) p.reject(new Error(`analysis failed in a worker thread: ${response.error}`));
      else p.resolve(response.results);
    });
    const fail = (err: Error) => {
      for (const [id, p] of this.pending) {
        if (p.thread !== thread) continue;
        this.pending.delete(id);
        p.reject(err);
      }
      const at = this.threads.indexOf(thread);
      if (at >= 0 && !this.closed) this.threads[at] = this.spawn();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`analysis thread exited with code ${code}`)));
    return thread;
  }
}

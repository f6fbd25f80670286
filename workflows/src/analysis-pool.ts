import { Worker } from 'node:worker_threads';
import type { AnalysisResult, DedupeResult, NormalizedReport, ReportInput } from '@wirewatch/analysis';

export interface AnalysisJob {
  report: ReportInput;
  story: DedupeResult;
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

/** `release`: keys whose kept normalisations will not be analysed (the batch's duplicates); the thread drops them. */
export type AnalysisRequest =
  | { id: number; kind: 'analyze'; jobs: AnalysisJob[]; release?: string[] }
  | { id: number; kind: 'prepare'; jobs: PrepareJob[] };
export type AnalysisResponse = { id: number; results: AnalysisResult[] | PreparedReport[] } | { id: number; error: string };

interface Pending {
  resolve: (results: AnalysisResult[] | PreparedReport[]) => void;
  reject: (err: Error) => void;
}

const THREAD_ENTRY = new URL('./analysis-thread.mjs', import.meta.url);

/**
 * Worker threads running the analysis engine, so a batch's per-report CPU work runs beside the event loop that
 * serves ingest, Kafka, Temporal and ClickHouse instead of on it: first preparing the reports for the story index
 * (normalising and fingerprinting them), then, once the index has placed them, analysing them. The engine is pure,
 * so a thread needs only the reports and the stories the shared index gave them; results come back in job order.
 * A thread keeps the normalisations it made for the analysis that follows; the same chunk of a batch goes to the
 * same thread both times, and a normalisation the thread no longer holds is made again. A thread that dies fails
 * the requests it held (the batch step retries) and is replaced.
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
  prepareMany(jobs: readonly PrepareJob[]): Promise<PreparedReport[]> {
    return this.split('prepare', jobs) as Promise<PreparedReport[]>;
  }

  /**
   * Analyses the jobs, split across the threads in contiguous chunks; results in job order. `release` names
   * prepared keys that will not be analysed (the batch's duplicates), so the threads drop what they kept for them.
   */
  analyzeMany(jobs: readonly AnalysisJob[], release: readonly string[] = []): Promise<AnalysisResult[]> {
    return this.split('analyze', jobs, release) as Promise<AnalysisResult[]>;
  }

  private async split(
    kind: AnalysisRequest['kind'],
    jobs: readonly (AnalysisJob | PrepareJob)[],
    release: readonly string[] = [],
  ): Promise<(AnalysisResult | PreparedReport)[]> {
    if (this.closed) throw new Error('analysis pool is closed');
    if (jobs.length === 0 && release.length === 0) return [];
    const chunk = Math.max(1, Math.ceil(jobs.length / this.threads.length));
    const parts: Promise<(AnalysisResult | PreparedReport)[]>[] = [];
    // Chunk i goes to thread i, so a batch's prepared chunks and its analysed chunks mostly meet on one thread.
    // Every thread hears the releases, since any of them may hold a released key.
    for (let i = 0; i < this.threads.length && (i * chunk < jobs.length || release.length > 0); i++) {
      const part = jobs.slice(i * chunk, (i + 1) * chunk);
      const request = kind === 'analyze' ? { kind, jobs: part, release: [...release] } : { kind, jobs: part };
      parts.push(this.request(this.threads[i]!, request as Omit<AnalysisRequest, 'id'>));
    }
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.terminate()));
  }

  private request(thread: Worker, request: Omit<AnalysisRequest, 'id'>): Promise<AnalysisResult[] | PreparedReport[]> {
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

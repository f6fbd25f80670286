import { Worker } from 'node:worker_threads';
import type { AnalysisResult, DedupeResult, NormalizedReport, ReportInput } from '@wirewatch/analysis';

export interface AnalysisJob {
  report: ReportInput;
  story: DedupeResult;
  /** The report's normalisation when the caller has it (dedupe made it), so the thread does not redo it. */
  normalized?: NormalizedReport | undefined;
}
export interface AnalysisRequest {
  id: number;
  jobs: AnalysisJob[];
}
export type AnalysisResponse = { id: number; results: AnalysisResult[] } | { id: number; error: string };

interface Pending {
  resolve: (results: AnalysisResult[]) => void;
  reject: (err: Error) => void;
}

const THREAD_ENTRY = new URL('./analysis-thread.mjs', import.meta.url);

/**
 * Worker threads running the analysis engine, so a batch's analysis (the largest CPU cost of a batch) runs
 * beside the event loop that serves ingest, Kafka, Temporal and ClickHouse instead of on it. The engine is
 * pure, so a thread needs only the reports and the stories the shared index gave them; results come back in
 * job order. A thread that dies fails the requests it held (the batch step retries) and is replaced.
 */
export class AnalysisPool {
  private readonly threads: Worker[] = [];
  private readonly pending = new Map<number, { thread: Worker } & Pending>();
  private nextId = 0;
  private next = 0;
  private closed = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.threads.push(this.spawn());
  }

  get size(): number {
    return this.threads.length;
  }

  /** Analyses the jobs, split across the threads in contiguous chunks; results in job order. */
  async analyzeMany(jobs: readonly AnalysisJob[]): Promise<AnalysisResult[]> {
    if (this.closed) throw new Error('analysis pool is closed');
    if (jobs.length === 0) return [];
    const chunk = Math.ceil(jobs.length / this.threads.length);
    const parts: Promise<AnalysisResult[]>[] = [];
    for (let from = 0; from < jobs.length; from += chunk) parts.push(this.request(jobs.slice(from, from + chunk)));
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.terminate()));
  }

  private request(jobs: AnalysisJob[]): Promise<AnalysisResult[]> {
    const thread = this.threads[this.next++ % this.threads.length]!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { thread, resolve, reject });
      thread.postMessage({ id, jobs } satisfies AnalysisRequest);
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

import { createAnalyzer, normalizeReport, StoryIndex, type ReportInput } from '@wirewatch/analysis';
import { chTime, parseJsonEachRow } from '@wirewatch/clickhouse';
import { analysedRows, AnalysisPool, type AnalysedRows, type AnalysisJob, type PrepareJob, type RowBlock, type RowHead } from '@wirewatch/workflows';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from './helpers/corpus.ts';

const SIGNAL_MIN_SCORE = 40;

/** A block's rows, without `processed_at` (the thread stamps the rows it writes with its own clock). */
function rowsOf(block: RowBlock): Record<string, unknown>[] {
  return parseJsonEachRow<Record<string, unknown>>(Buffer.from(block.bytes).toString('utf8')).map(({ processed_at: _, ...row }) => row);
}

function comparable(rows: AnalysedRows) {
  return {
    reports: rowsOf(rows.reports),
    events: rowsOf(rows.events),
    signals: rowsOf(rows.signals),
    written: { reports: rowsOf(rows.written.reports), events: rowsOf(rows.written.events) },
    counts: [rows.reports.rows, rows.events.rows, rows.signals.rows, rows.written.reports.rows, rows.written.events.rows],
    signalRefs: rows.signalRefs,
  };
}

// Batches are analysed in worker threads: their rows must be exactly what the engine gives on the event loop.
describe('analysis in worker threads', () => {
  const pool = new AnalysisPool(2);
  afterAll(() => pool.close());

  const jobs: AnalysisJob[] = (() => {
    const index = new StoryIndex();
    return generateCorpus(120).reports.map((r, i) => {
      const report: ReportInput = { id: `r${i}`, source: r.source, source_id: r.source_id, published_at: r.published_at, headline: r.headline, body: r.body, version: r.version };
      const head: RowHead = {
        report_id: report.id,
        version: report.version ?? 1,
        source: report.source,
        source_id: report.source_id,
        url: '',
        headline: report.headline,
        kafka_partition: 0,
        kafka_offset: String(i),
        published_at: chTime(new Date(report.published_at)),
        received_at: chTime(new Date(report.published_at)),
      };
      // Half come with the normalisation dedupe made, as in the pipeline; the rest are normalised by the thread.
      return { report, story: index.add(report), head, normalized: i % 2 === 0 ? normalizeReport(report) : undefined };
    });
  })();

  /** The rows the event loop writes for these jobs. */
  const expectedRows = (list: readonly AnalysisJob[]) => {
    const here = createAnalyzer();
    return comparable(analysedRows(list.map((j) => ({ head: j.head, result: here.analyze(j.report, j.story) })), chTime(new Date()), SIGNAL_MIN_SCORE));
  };

  it('writes the same rows and signals, in job order, as the engine on the event loop', async () => {
    const rows = await pool.analyzeMany(jobs, [], SIGNAL_MIN_SCORE);
    expect(comparable(rows)).toEqual(expectedRows(jobs));
    expect(rows.reports.rows).toBe(jobs.length);
    expect(rows.events.rows).toBeGreaterThan(0);
    expect(rows.signalRefs.length).toBeGreaterThan(0);
    expect(rows.signals.rows).toBe(rows.signalRefs.length);
  });

  it('prepares reports for the story index as the event loop would, and analyses them from what it kept', async () => {
    const reports = jobs.map((j) => j.report);
    const prepareJobs: PrepareJob[] = reports.map((report, i) => ({ key: `raw:0:${i}`, report }));
    const prepared = await pool.prepareMany(prepareJobs);
    const here = new StoryIndex();
    const there = new StoryIndex();
    reports.forEach((report, i) => {
      const text = normalizeReport(report).text;
      expect(prepared[i]!.text).toBe(text);
      expect([...prepared[i]!.fingerprint]).toEqual([...here.fingerprint({ ...report, text })]);
      // The index places a report the same way from a fingerprint made elsewhere.
      expect(there.add({ ...report, text }, prepared[i]!.fingerprint)).toEqual(here.add({ ...report, text }));
    });
    // Analysis by key reuses the thread's normalisation; an unknown key is normalised afresh. Same rows.
    const byKey = jobs.map((j, i) => ({ report: j.report, story: j.story, head: j.head, key: i === 0 ? 'raw:0:unknown' : prepareJobs[i]!.key }));
    // The first two are released as duplicates would be: the threads drop what they kept, and analyse them afresh.
    const released = await pool.analyzeMany([], [prepareJobs[1]!.key, prepareJobs[2]!.key], SIGNAL_MIN_SCORE);
    expect([released.reports.rows, released.events.rows, released.signalRefs.length]).toEqual([0, 0, 0]);
    expect(comparable(await pool.analyzeMany(byKey, [], SIGNAL_MIN_SCORE))).toEqual(expectedRows(jobs));
  });

  it('fails a request whose analysis throws, naming the cause, and keeps serving the next', async () => {
    const broken = { report: null, story: jobs[0]!.story, head: jobs[0]!.head } as unknown as AnalysisJob;
    await expect(pool.analyzeMany([broken], [], SIGNAL_MIN_SCORE)).rejects.toThrow(/analysis failed in a worker thread: TypeError/);
    expect((await pool.analyzeMany(jobs.slice(0, 3), [], SIGNAL_MIN_SCORE)).reports.rows).toBe(3);
  });
});

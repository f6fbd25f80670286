import { createAnalyzer, normalizeReport, StoryIndex, type ReportInput } from '@wirewatch/analysis';
import { AnalysisPool, type AnalysisJob, type PrepareJob } from '@wirewatch/workflows';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from './helpers/corpus.ts';

// Batches are analysed in worker threads: the results must be exactly what the engine gives on the event loop.
describe('analysis in worker threads', () => {
  const pool = new AnalysisPool(2);
  afterAll(() => pool.close());

  const jobs: AnalysisJob[] = (() => {
    const index = new StoryIndex();
    return generateCorpus(120).reports.map((r, i) => {
      const report: ReportInput = { id: `r${i}`, source: r.source, source_id: r.source_id, published_at: r.published_at, headline: r.headline, body: r.body, version: r.version };
      // Half come with the normalisation dedupe made, as in the pipeline; the rest are normalised by the thread.
      return { report, story: index.add(report), normalized: i % 2 === 0 ? normalizeReport(report) : undefined };
    });
  })();

  it('gives the same results, in job order, as the engine on the event loop', async () => {
    const here = createAnalyzer();
    const expected = jobs.map((j) => here.analyze(j.report, j.story));
    const results = await pool.analyzeMany(jobs);
    expect(results).toHaveLength(jobs.length);
    expect(results).toEqual(expected);
    expect(results.some((r) => r.events.length > 0)).toBe(true);
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
    // Analysis by key reuses the thread's normalisation; an unknown key is normalised afresh. Same results.
    const analyzer = createAnalyzer();
    const byKey = jobs.map((j, i) => ({ report: j.report, story: j.story, key: i === 0 ? 'raw:0:unknown' : prepareJobs[i]!.key }));
    // The first two are released as duplicates would be: the threads drop what they kept, and analyse them afresh.
    expect(await pool.analyzeMany([], [prepareJobs[1]!.key, prepareJobs[2]!.key])).toEqual([]);
    expect(await pool.analyzeMany(byKey)).toEqual(jobs.map((j) => analyzer.analyze(j.report, j.story)));
  });

  it('fails a request whose analysis throws, naming the cause, and keeps serving the next', async () => {
    const broken = { report: null, story: jobs[0]!.story } as unknown as AnalysisJob;
    await expect(pool.analyzeMany([broken])).rejects.toThrow(/analysis failed in a worker thread: TypeError/);
    await expect(pool.analyzeMany(jobs.slice(0, 3))).resolves.toHaveLength(3);
  });
});

import { createAnalyzer } from '@wirewatch/analysis';
import { EmbeddedClickHouse } from '@wirewatch/clickhouse';
import { stageBatch } from '@wirewatch/dispatcher';
import { createLogger } from '@wirewatch/log';
import { buildEnvelope, encodeEnvelope, parseNativeReport } from '@wirewatch/schemas';
import { batchIdOf, createActivities, loadReportFacts, StoryStore, type BatchRef, type WrittenRows } from '@wirewatch/workflows';
import type { SignalRef } from '@wirewatch/workflows/types';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from './helpers/corpus.ts';
import { migratedClickHouse } from './helpers/clickhouse.ts';

// The signal sink evaluates rules on the rows the batch just wrote, held in memory, instead of reading them
// back: both ways must give the rules the same facts.
describe('report facts for alert rules', () => {
  let ch: EmbeddedClickHouse;
  afterAll(async () => ch?.close());

  it('are the same from the rows a batch wrote as from the read models', async () => {
    ch = await migratedClickHouse('facts');
    const analyzer = createAnalyzer();
    const handed: { signals: readonly SignalRef[]; written?: WrittenRows }[] = [];
    const activities = createActivities({
      clickhouse: ch,
      stories: await StoryStore.open(ch, { rulesetVersion: analyzer.rulesetVersion, windowDays: 7 }),
      analyzer,
      deadLetters: { deadLetter: async () => undefined },
      signals: { handOn: async (_batchId, signals, written) => void handed.push({ signals, written }) },
      signalMinScore: 40,
      log: createLogger('test', 'warn'),
    });
    // A strike today over a deployment the report recalls from 2022: the recalled one reaches the rules as background.
    const recalling = {
      source: 'wire-recall', source_id: 'recall-1', published_at: '2026-06-01T08:00:00Z', headline: 'Russian missiles kill 12 in Kyiv',
      body: 'Russian missiles struck residential buildings in Kyiv on Monday, killing 12 civilians and wounding 40, Ukrainian officials said. ' +
        'Belarus deployed 12,000 troops to its border with Ukraine in 2022, when the war began.',
    };
    const messages = [...generateCorpus(200).reports, recalling].map((r, i) => {
      const parsed = parseNativeReport(r);
      if (!parsed.ok) throw new Error('corpus report does not parse');
      const envelope = buildEnvelope(parsed.value, new Date());
      return { offset: String(i), key: Buffer.from(envelope.report_id), value: encodeEnvelope(envelope) };
    });
    const ref: BatchRef = {
      batchId: batchIdOf('facts', 0, '0', String(messages.length - 1)),
      topic: 'facts',
      partition: 0,
      firstOffset: '0',
      lastOffset: String(messages.length - 1),
      count: messages.length,
    };
    await stageBatch(ch, ref, messages);
    const outcome = await activities.analyzeAndPersist(ref, await activities.dedupeBatch(ref));
    expect(outcome.signals.length).toBeGreaterThan(5);
    await activities.handOnSignals(ref.batchId, outcome.signals);

    const [{ signals, written }] = handed as [(typeof handed)[0]];
    expect(written).toBeDefined();
    const byId = (a: { reportId: string }, b: { reportId: string }) => a.reportId.localeCompare(b.reportId);
    const fromMemory = (await loadReportFacts(ch, signals, written)).sort(byId);
    const fromClickHouse = (await loadReportFacts(ch, signals)).sort(byId);
    expect(fromMemory).toHaveLength(new Set(signals.map((s) => `${s.reportId}@${s.version}`)).size);
    expect(fromMemory.some((f) => f.events.length > 1)).toBe(true);
    expect(fromMemory).toEqual(fromClickHouse);
    const recalled = fromMemory.find((f) => f.source === 'wire-recall')?.events.find((e) => e.type === 'MOBILIZE');
    expect(recalled).toMatchObject({ actors: ['BLR'], troops: 12000, background: true });
    expect(fromMemory.flatMap((f) => f.events).filter((e) => e.background)).toHaveLength(1);

    // A second hand-on of the same batch (a retry on another worker) finds no rows in memory and reads them.
    handed.length = 0;
    await activities.handOnSignals(ref.batchId, outcome.signals);
    expect(handed[0]!.written).toBeUndefined();
  });
});

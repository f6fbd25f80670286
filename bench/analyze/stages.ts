/**
 * CPU time per stage of the analysis engine, in µs per report, on the same generated reports as
 * run.ts. Each stage runs as its own loop over every report (inputs prepared beforehand), timed with
 * process.cpuUsage() (user + system CPU of this process), so the numbers are comparable within one
 * run even on a loaded machine. The end-to-end line is `analyze()` itself.
 *
 *   taskset -c 0 npx tsx bench/analyze/stages.ts [reports] [rounds]
 */
import {
  assessAssertion,
  assignRoles,
  classifySentence,
  createAnalyzer,
  findActorMentions,
  findQuantities,
  normalizeReport,
  scoreReport,
  StoryIndex,
  type AnalysedEvent,
  type EventMention,
  type NormalizedReport,
} from '@wirewatch/analysis';
import { generateReports } from './generate.ts';

const count = Number(process.argv[2] ?? 5_000);
const rounds = Number(process.argv[3] ?? 3);
const reports = generateReports(count);

/** CPU µs per report of `fn` over every report; the best of `rounds` runs (the least disturbed). */
function cpu(fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / count);
  }
  return best;
}

// Inputs of each stage, computed once.
const normalized: NormalizedReport[] = reports.map((r) => normalizeReport(r));
const sentences = normalized.flatMap((n) => (n.isEnglish ? n.sentences.map((s) => s.text) : []));
const classified: { sentence: string; mentions: EventMention[] }[] = sentences.map((s) => ({ sentence: s, mentions: classifySentence(s) }));
const withEvents = classified.filter((c) => c.mentions.length > 0);
const mentionsOf = withEvents.map((c) => findActorMentions(c.sentence));
const analyzer = createAnalyzer();
const eventsOf: AnalysedEvent[][] = reports.map((r) => analyzer.analyze(r).events);

let sink = 0;
const rows: [string, number][] = [
  ['normalise', cpu(() => { for (const r of reports) sink += normalizeReport(r).sentences.length; })],
  ['dedupe (StoryIndex)', cpu(() => { const index = new StoryIndex(); for (const r of reports) sink += index.add(r).independent_sources; })],
  ['classify (all sentences)', cpu(() => { for (const s of sentences) sink += classifySentence(s).length; })],
  ['actor mentions (event sentences)', cpu(() => { for (const c of withEvents) sink += findActorMentions(c.sentence).length; })],
  ['quantities (event sentences)', cpu(() => { for (const c of withEvents) sink += findQuantities(c.sentence).length; })],
  ['roles (per event)', cpu(() => {
    withEvents.forEach((c, i) => { for (const m of c.mentions) sink += assignRoles(c.sentence, mentionsOf[i]!, m.trigger, m.type).actors.length; });
  })],
  ['assertion (per event)', cpu(() => { for (const c of withEvents) for (const m of c.mentions) sink += assessAssertion(c.sentence, m.trigger).negated ? 1 : 0; })],
  ['score', cpu(() => { for (const events of eventsOf) sink += scoreReport({ events, source: 'wire', independentSources: 1 }).score; })],
];
const stagesTotal = rows.reduce((s, [, v]) => s + v, 0);
const endToEnd = cpu(() => { const a = createAnalyzer(); for (const r of reports) sink += a.analyze(r).events.length; });

const events = eventsOf.reduce((s, e) => s + e.length, 0);
process.stdout.write(`${count} reports, ${sentences.length} sentences (${withEvents.length} with events), ${events} events; best of ${rounds}\n`);
for (const [name, us] of rows) process.stdout.write(`${name.padEnd(34)} ${us.toFixed(1).padStart(8)} µs/report\n`);
process.stdout.write(`${'sum of stages'.padEnd(34)} ${stagesTotal.toFixed(1).padStart(8)} µs/report\n`);
process.stdout.write(`${'analyze() end to end'.padEnd(34)} ${endToEnd.toFixed(1).padStart(8)} µs/report = ${(1e6 / endToEnd).toFixed(0)} reports/s of CPU\n`);
if (sink === 42) process.stdout.write('\n');

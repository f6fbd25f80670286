/**
 * End-to-end throughput of the analysis engine on one core: normalise, dedupe, classify, actors,
 * quantities, assertion, score — everything `wirewatch analyze` does except reading and printing.
 *
 *   taskset -c 0 npx tsx bench/analyze/run.ts [reports]
 *
 * Prints wall-clock and CPU-time throughput; per-stage CPU time is bench/analyze/stages.ts.
 */
import { createAnalyzer } from '@wirewatch/analysis';
import { generateReports } from './generate.ts';

const count = Number(process.argv[2] ?? 20_000);
const reports = generateReports(count);
const bytes = reports.reduce((s, r) => s + Buffer.byteLength(r.headline) + Buffer.byteLength(r.body), 0);

// Warm up on a separate analyzer so the JIT has compiled the hot paths before timing.
const warm = createAnalyzer();
for (const r of reports.slice(0, 1000)) warm.analyze(r);

const analyzer = createAnalyzer();
const rssBefore = process.memoryUsage().rss;
let events = 0;
const started = performance.now();
const cpuStart = process.cpuUsage();
for (const r of reports) events += analyzer.analyze(r).events.length;
const cpu = process.cpuUsage(cpuStart);
const seconds = (performance.now() - started) / 1000;
// On a shared machine wall time includes waiting for a core; CPU time is what the analysis costs.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const memory = process.memoryUsage();

const line = (k: string, v: string) => process.stdout.write(`${k.padEnd(22)} ${v}\n`);
line('reports', `${count} (avg ${(bytes / count / 1024).toFixed(1)} KB, ${events} events)`);
line('throughput', `${(count / seconds).toFixed(0)} reports/s, ${(bytes / seconds / 1e6).toFixed(1)} MB/s`);
line('per report', `${((seconds * 1e6) / count).toFixed(0)} µs`);
line('CPU throughput', `${(count / cpuSeconds).toFixed(0)} reports/s of CPU time, ${((cpuSeconds * 1e6) / count).toFixed(0)} µs per report`);
line('rss', `${(memory.rss / 2 ** 20).toFixed(0)} MiB (grew ${((memory.rss - rssBefore) / 2 ** 20).toFixed(0)} MiB while analysing)`);
line('heap used', `${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`);

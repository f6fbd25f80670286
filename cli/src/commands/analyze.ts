import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { createAnalyzer, reportInputSchema, type Analyzer } from '@wirewatch/analysis';

/** What became of one input line: an output line, or a rejection with its reason. */
type LineOutcome = { ok: true; json: string } | { ok: false; reason: string };

function analyzeLine(analyzer: Analyzer, line: string): LineOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (err) {
    return { ok: false, reason: `not JSON (${(err as Error).message})` };
  }
  const report = reportInputSchema.safeParse(parsed);
  if (!report.success) {
    const reason = report.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ');
    return { ok: false, reason };
  }
  return { ok: true, json: JSON.stringify(analyzer.analyze(report.data)) };
}

/**
 * Streams JSON lines through the analyzer, one output line per accepted report, in input order.
 * Returns the number of rejected lines; each is reported on `errors` with its line number.
 */
export async function analyzeStream(input: Readable, output: Writable, errors: Writable): Promise<{ accepted: number; rejected: number }> {
  const analyzer = createAnalyzer();
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let accepted = 0;
  let rejected = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const outcome = analyzeLine(analyzer, line);
    if (outcome.ok) {
      accepted++;
      // Respect back-pressure so a slow reader does not make us buffer the whole stream.
      if (!output.write(`${outcome.json}\n`)) await once(output, 'drain');
    } else {
      rejected++;
      errors.write(`line ${lineNo}: ${outcome.reason}\n`);
    }
  }
  return { accepted, rejected };
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse wire reports given as JSON lines (a file, or stdin) and print one JSON result per report')
    .argument('[file]', 'JSON-lines file of reports; reads stdin when omitted or "-"')
    .action(async (file?: string) => {
      const input = file && file !== '-' ? createReadStream(file) : process.stdin;
      const { rejected } = await analyzeStream(input, process.stdout, process.stderr);
      if (rejected > 0) process.exitCode = 1;
    });
}

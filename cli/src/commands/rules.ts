import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import {
  alertWorkflowId,
  applyMatch,
  evaluateReport,
  factsFromAnalysis,
  formatRuleError,
  loadRules,
  newAlert,
  type AlertState,
  type ReportRule,
  type Rule,
} from '@wirewatch/alerting';

/** What a dry run says about one match: the alert it would open or join, and whether it would notify. */
export interface DryRunLine {
  line: number;
  report: string;
  rule: string;
  key: string;
  severity: string;
  status: string;
  outcome: string;
  reasons: string[];
  evidence: string[];
}

/**
 * The dry run of `wirewatch rules test`: reports (JSON lines) through the analysis engine (with its own
 * story index, so syndicated copies are recognised) and the per-report rules, then through the alert
 * lifecycle's transitions, so the output says which alert each match opens or joins and whether it notifies.
 */
export async function dryRun(rules: readonly Rule[], input: Readable, out: (line: DryRunLine) => void, errors: Writable): Promise<{ reports: number; rejected: number; matches: number }> {
  // Loaded here, not at start-up: every other command (and --help) runs without the engine's rule data.
  const { createAnalyzer, reportInputSchema } = await import('@wirewatch/analysis');
  const analyzer = createAnalyzer();
  const reportRules = rules.filter((r): r is ReportRule => r.kind === 'report');
  const alerts = new Map<string, AlertState>();
  let lineNo = 0;
  let reports = 0;
  let rejected = 0;
  let matches = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      rejected++;
      errors.write(`line ${lineNo}: not JSON (${(err as Error).message})\n`);
      continue;
    }
    const report = reportInputSchema.safeParse(parsed);
    if (!report.success) {
      rejected++;
      errors.write(`line ${lineNo}: ${report.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ')}\n`);
      continue;
    }
    reports++;
    const result = analyzer.analyze(report.data);
    for (const m of evaluateReport(reportRules, factsFromAnalysis(result, report.data))) {
      matches++;
      const id = alertWorkflowId('dry-run', m.ruleId, m.key);
      const alert = alerts.get(id);
      let outcome: string;
      if (alert === undefined) {
        alerts.set(id, newAlert(id, id, m));
        outcome = 'opens a new alert (notifies)';
      } else {
        const o = applyMatch(alert, m);
        outcome = {
          opened: 'opens a new alert (notifies)',
          evidence: 'adds evidence to the open alert (notifies an update)',
          escalated: `raises the open alert to ${alert.severity} (notifies)`,
          repeat: 'repeats evidence the alert holds (nothing)',
          'syndicated-copy': 'syndicated copy of a story the alert holds (no re-fire)',
          'after-resolve': 'arrives after resolution (counted, not reopened)',
        }[o];
      }
      out({ line: lineNo, report: result.id, rule: m.ruleId, key: m.key, severity: m.severity, status: m.status, outcome, reasons: m.reasons, evidence: m.evidence.map((e) => `[${e.assertion}] ${e.sentence}`) });
    }
  }
  return { reports, rejected, matches };
}

function loadOrExplain(files: string[]): Rule[] | null {
  const result = loadRules(files);
  if (result.ok) return result.rules;
  for (const e of result.errors) process.stderr.write(`${formatRuleError(e)}\n`);
  process.stderr.write(`${result.errors.length} error${result.errors.length === 1 ? '' : 's'}: no rule was loaded\n`);
  return null;
}

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('alert rules: validate rule files, dry-run them on reports');

  rules
    .command('check')
    .description('validate alert rule files (YAML) or folders; exits non-zero naming the file, rule and field of each error')
    .argument('<files...>', 'rule files or folders of .yaml files')
    .action((files: string[]) => {
      const loaded = loadOrExplain(files);
      if (loaded === null) {
        process.exitCode = 1;
        return;
      }
      const perKind = loaded.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.kind]: (acc[r.kind] ?? 0) + 1 }), {});
      process.stdout.write(`ok: ${loaded.length} rules (${Object.entries(perKind).map(([k, n]) => `${n} ${k}`).join(', ')})\n`);
      for (const r of loaded) process.stdout.write(`  ${r.id}  [${r.kind}, ${r.severity}]  ${r.description}\n`);
    });

  rules
    .command('test')
    .description('dry run: analyse reports (JSON lines on stdin or a file) and show which rules fire, for which key, and why')
    .requiredOption('--rules <files...>', 'rule files or folders')
    .option('--input <file>', 'JSON-lines reports (default: stdin)')
    .option('--format <format>', 'text or json (one JSON object per match)', 'text')
    .action(async (opts: { rules: string[]; input?: string; format: string }) => {
      const loaded = loadOrExplain(opts.rules);
      if (loaded === null) {
        process.exitCode = 1;
        return;
      }
      const input = opts.input && opts.input !== '-' ? createReadStream(opts.input) : process.stdin;
      const print = (l: DryRunLine) => {
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(l)}\n`);
          return;
        }
        process.stdout.write(`line ${l.line} ${l.report}: ${l.rule} fires for ${l.key} — ${l.severity}, ${l.status}: ${l.outcome}\n`);
        for (const r of l.reasons) process.stdout.write(`    why: ${r}\n`);
        for (const e of l.evidence) process.stdout.write(`    evidence: ${e}\n`);
      };
      const summary = await dryRun(loaded, input, print, process.stderr);
      const windowRules = loaded.filter((r) => r.kind !== 'report').map((r) => r.id);
      process.stderr.write(
        `${summary.reports} reports, ${summary.matches} matches, ${summary.rejected} rejected lines` +
          (windowRules.length > 0 ? `; window rules run on ClickHouse on a schedule, not in a dry run: ${windowRules.join(', ')}` : '') +
          '\n',
      );
      if (summary.rejected > 0) process.exitCode = 1;
    });
}

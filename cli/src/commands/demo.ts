import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit, type Config } from '@wirewatch/config';
import type { Command } from 'commander';

const DEMO_REPORTS = fileURLToPath(new URL('../../../demo/reports.ndjson', import.meta.url));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postReports(config: Config, ingestUrl: string, ndjson: string): Promise<void> {
  const token = config.INGEST_TOKENS[0]?.split(':').slice(1).join(':') ?? '';
  const res = await fetch(`${ingestUrl}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
    body: ndjson,
  });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the shipped demo reports through the whole pipeline and print what landed in ClickHouse')
    .option('--timeout <seconds>', 'how long to wait for the rows', '120')
    .action(async (opts: { timeout: string }) => {
      const config = loadConfigOrExit();
      const { startRuntime } = await import('@wirewatch/runtime');
      const { parseNativeReport, reportId } = await import('@wirewatch/schemas');
      const ndjson = readFileSync(DEMO_REPORTS, 'utf8');
      const versions = new Map<string, number>();
      for (const line of ndjson.split('\n').filter((l) => l.trim())) {
        const parsed = parseNativeReport(JSON.parse(line));
        if (!parsed.ok) throw new Error(`demo report invalid: ${JSON.stringify(parsed.issues)}`);
        const id = reportId(parsed.value);
        versions.set(id, Math.max(versions.get(id) ?? 0, parsed.value.version));
      }

      process.stdout.write('starting wirewatch (ingest, dispatcher, worker; embedded ClickHouse)…\n');
      const runtime = await startRuntime(config, { components: ['ingest', 'dispatcher', 'worker'] });
      try {
        const ch = runtime.clickhouse!;
        process.stdout.write(`ingesting ${ndjson.trim().split('\n').length} demo reports over HTTP…\n`);
        await postReports(config, runtime.ingestUrl!, ndjson);
        const ids = [...versions.keys()];
        const deadline = Date.now() + Number(opts.timeout) * 1000;
        let seen = 0;
        while (Date.now() < deadline) {
          const rows = await ch.query<{ n: string }>(
            `SELECT count() AS n FROM (SELECT report_id, max(version) AS v FROM reports WHERE report_id IN {ids:Array(String)} GROUP BY report_id)
             WHERE v = {ids_v:Array(UInt32)}[indexOf({ids:Array(String)}, report_id)]`,
            { ids, ids_v: ids.map((id) => versions.get(id)!) },
          );
          seen = Number(rows[0]?.n ?? 0);
          if (seen === ids.length) break;
          await sleep(500);
        }
        if (seen !== ids.length) throw new Error(`only ${seen} of ${ids.length} demo reports reached ClickHouse in time`);

        process.stdout.write('\nReports, as read back from ClickHouse (latest version of each):\n');
        console.table(
          await ch.query(
            `SELECT left(headline, 60) AS headline, source, version, escalation_score AS score,
                    arrayStringConcat(event_types, ',') AS events, arrayStringConcat(actors, ',') AS actors, troops, hedged,
                    independent_sources AS indep, syndicated
             FROM reports FINAL WHERE report_id IN {ids:Array(String)}
             ORDER BY score DESC, headline LIMIT 1 BY report_id`,
            { ids },
          ),
        );
        // A syndicated copy is analysed like its original, so its events appear again under its own source.
        process.stdout.write('\nEvents found (evidence sentences; a syndicated copy repeats its original\'s events under its own source, an update under its version):\n');
        console.table(
          await ch.query(
            `SELECT source, version, type, mode, arrayStringConcat(actors, ',') AS actors, arrayStringConcat(targets, ',') AS targets,
                    quantity_value AS qty, quantity_unit AS unit, assertion, left(evidence, 70) AS evidence
             FROM report_events FINAL WHERE report_id IN {ids:Array(String)} AND NOT negated
             ORDER BY score DESC, report_id, event_index LIMIT 20`,
            { ids },
          ),
        );
        process.stdout.write('\nStories (syndicated copies are not independent sources):\n');
        console.table(
          await ch.query(
            `SELECT left(headline, 60) AS headline, reports, independent_sources, syndicated_copies
             FROM story_sources WHERE story_id IN (SELECT story_id FROM stories WHERE report_id IN {ids:Array(String)})
             ORDER BY reports DESC`,
            { ids },
          ),
        );
        process.stdout.write(
          '\nDone. Services keep running: `npx wirewatch run` serves the pipeline, `npx wirewatch services down` stops them.\n',
        );
      } finally {
        await runtime.stop();
      }
    });
}

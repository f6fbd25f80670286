import { QUERIES } from './catalog.ts';
import { describeDefault, type NamedQuery } from './query.ts';

/** Where the generated analyst document lives, relative to the repository root. */
export const ANALYST_DOC_PATH = 'docs/analyst-queries.md';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

function renderQuery(q: NamedQuery): string {
  const lines = [`## \`${q.name}\``, '', `**${q.question}**`, ''];
  if (q.notes) lines.push(q.notes, '');
  if (q.requiresTable) lines.push(`Needs the \`${q.requiresTable}\` table.`, '');
  const params = Object.entries(q.params);
  if (params.length > 0) {
    lines.push('| parameter | type | default | meaning |', '|---|---|---|---|');
    for (const [name, spec] of params) {
      lines.push(`| \`${name}\` | \`${spec.type}\` | ${escapeCell(describeDefault(spec.default))} | ${escapeCell(spec.description)} |`);
    }
    lines.push('');
  }
  lines.push('```sql', q.sql, '```', '');
  return lines.join('\n');
}

/** The analyst document, generated from the query catalogue (`npm run doc -w @wirewatch/queries` writes it). */
export function renderAnalystDoc(queries: readonly NamedQuery[] = QUERIES): string {
  const head = `<!-- Generated from libs/queries/src/catalog.ts by \`npm run doc -w @wirewatch/queries\`; do not edit by hand. -->

# Analyst queries

The questions wirewatch answers from its ClickHouse read models, each with the exact SQL that the
dashboard API runs (one catalogue: [libs/queries/src/catalog.ts](../libs/queries/src/catalog.ts)).
Every query is plain ClickHouse SQL with \`{name:Type}\` parameters, so it runs on the embedded engine
and on a ClickHouse server alike.

How to read the tables:

- \`reports\`, \`report_events\`, \`stories\`, \`signals\` and \`dead_letters\` are ReplacingMergeTree
  tables: a retried write collapses on merge, so the queries read them with \`FINAL\`. Their sorting
  keys hold the report id and version, which fix the publication month that partitions them, so no row
  has a duplicate in another partition: \`do_not_merge_across_partitions_select_final = 1\` lets FINAL
  merge partition by partition, several times faster on large tables. A lookup by key uses
  \`LIMIT 1 BY\` the sorting key instead, which gives the same rows without merging.
- Escalation over time has two layers. \`pair_escalation_hours\` and \`conflict_escalation_hours\` are
  AggregatingMergeTree roll-ups kept by materialised views as rows arrive; they hold aggregate states,
  finished with \`uniqMerge\` and \`maxMerge\`. \`pair_escalation_counts\` and \`conflict_escalation_counts\`
  hold the same numbers finished, per hour (\`bucket_hours = 1\`) and per UTC day (\`bucket_hours = 24\`),
  for the whole past days that \`escalation_rollups\` lists; a Temporal Schedule recomputes a day there within
  a minute of a change to it. The escalation queries read a day from the counts when it is listed there,
  otherwise (today, or a day not rolled up yet) from the states, so their answers do not depend on whether
  the roll-up has run; it only makes long ranges fast. Read the counts tables with \`FINAL\` (a recomputed
  day replaces the earlier rows).
- Rows carry the \`ruleset_version\` that produced them; a replay under new rules writes beside the old
  rows, so most queries take the ruleset version as a parameter (the dashboard passes the running one).
- Times are UTC. \`published_at\` is the report's own time, \`received_at\` when ingest accepted it,
  \`processed_at\` when its rows were written.

How to run one:

- with the dashboard token: \`curl -H 'authorization: Bearer <token>' 'http://localhost:8070/api/queries/top_escalating_pairs?hours=48'\`
  (parameters left out take their defaults; times as ISO-8601);
- or paste the SQL into \`npx wirewatch sql "…"\` with the parameters written in.

`;
  const index = queries.map((q) => `- [\`${q.name}\`](#${q.name}): ${q.question}`).join('\n');
  return `${head}${index}\n\n${queries.map(renderQuery).join('\n')}`;
}

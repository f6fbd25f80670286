// Writes docs/analyst-queries.md from the query catalogue; a test fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ANALYST_DOC_PATH, renderAnalystDoc } from '../src/index.ts';

const target = fileURLToPath(new URL(`../../../${ANALYST_DOC_PATH}`, import.meta.url));
writeFileSync(target, renderAnalystDoc());
process.stdout.write(`wrote ${target}\n`);

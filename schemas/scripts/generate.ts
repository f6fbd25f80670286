// Writes schemas/json/*.schema.json from the zod contracts. Run: `npx tsx schemas/scripts/generate.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '../src/json-schemas.ts';

export const JSON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'json');

export function renderSchema(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(JSON_DIR, { recursive: true });
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    writeFileSync(join(JSON_DIR, `${name}.schema.json`), renderSchema(schema));
    process.stdout.write(`wrote json/${name}.schema.json\n`);
  }
}

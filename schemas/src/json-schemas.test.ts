import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_DIR, renderSchema } from '../scripts/generate.ts';
import { jsonSchemas } from './json-schemas.ts';

describe('generated JSON Schema files', () => {
  it.each(Object.entries(jsonSchemas()))(
    'json/%s.schema.json is up to date (run: npx tsx schemas/scripts/generate.ts)',
    (name, schema) => {
      expect(readFileSync(join(JSON_DIR, `${name}.schema.json`), 'utf8')).toBe(renderSchema(schema));
    },
  );
});

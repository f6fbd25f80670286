import { z } from 'zod';
import { DeadLetterSchema, ReportEnvelopeSchema } from './envelope.ts';
import { NinjsSchema } from './ninjs.ts';
import { NativeReportSchema } from './report.ts';

/**
 * JSON Schema documents of the contracts, keyed by file stem. Input shapes for what senders write
 * (defaults optional), output shapes for what Kafka carries (defaults filled in).
 */
export function jsonSchemas(): Record<string, object> {
  const input = { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' } as const;
  const output = { io: 'output', target: 'draft-2020-12', unrepresentable: 'any' } as const;
  return {
    'native-report': withIdentityRule(z.toJSONSchema(NativeReportSchema, input)),
    ninjs: z.toJSONSchema(NinjsSchema, input),
    'report-envelope': withIdentityRule(z.toJSONSchema(ReportEnvelopeSchema, output)),
    'dead-letter': z.toJSONSchema(DeadLetterSchema, output),
  };
}

// zod refinements have no JSON Schema form; the "source_id or url" rule is added by hand.
function withIdentityRule(schema: z.core.JSONSchema.BaseSchema): object {
  const report = schema.$defs?.NativeReport;
  if (report !== undefined && typeof report === 'object') {
    report.anyOf = [{ required: ['source_id'] }, { required: ['url'] }];
  }
  return schema;
}

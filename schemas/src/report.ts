import { z } from 'zod';
import { fail, issuesFromZod, ok, type Result } from './issues.ts';
import { toPlainBlock, toPlainLine } from './text.ts';

const isoDateTime = z.iso.datetime({ offset: true });
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).max(2048);

/** Wirewatch's own report format: what the HTTP API accepts as application/json and what Kafka carries. */
export const NativeReportSchema = z
  .strictObject({
    /** Who published it: a wire or outlet name, e.g. `reuters`. Part of the report's identity. */
    source: z.string().trim().min(1).max(200),
    /** The source's own id for the story; with `source` it identifies the report. */
    source_id: z.string().trim().min(1).max(1000).optional(),
    url: httpUrl.optional(),
    /** First publication time, ISO 8601 with offset (`Z` or `+02:00`). */
    published_at: isoDateTime,
    headline: z.string().min(1).max(2000),
    summary: z.string().max(20_000).optional(),
    /** Plain text; markup is converted to text on the way in. May be empty for a headline-only flash. */
    body: z.string().max(2_000_000),
    /** BCP 47 language tag, e.g. `en`, `en-GB`. */
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a BCP 47 language tag such as "en" or "pt-BR"')
      .optional(),
    /** Revision number of this report; an update is the same report with a higher version. */
    version: z.number().int().min(1).max(1_000_000).default(1),
    /** Time this version was created, ISO 8601 with offset. */
    versioncreated: isoDateTime.optional(),
    byline: z.string().max(1000).optional(),
    /** Dateline place, e.g. `KYIV`. */
    located: z.string().max(500).optional(),
    subjects: z.array(z.string().min(1).max(200)).max(200).optional(),
  })
  .refine((r) => r.source_id !== undefined || r.url !== undefined, {
    message: 'either source_id or url is required to identify the report',
    path: ['source_id'],
  })
  .meta({
    id: 'NativeReport',
    title: 'Wirewatch native report',
    description: 'One wire report. At least one of source_id or url is required.',
  });

export type NativeReport = z.output<typeof NativeReportSchema>;
export type NativeReportInput = z.input<typeof NativeReportSchema>;

const toUtcIso = (value: string): string => new Date(value).toISOString();

/** Makes text fields plain text and times UTC, so every downstream consumer sees one canonical shape. */
export function normaliseReport(report: NativeReport): Result<NativeReport> {
  const out: NativeReport = {
    ...report,
    source: report.source.trim(),
    headline: toPlainLine(report.headline),
    body: toPlainBlock(report.body),
    published_at: toUtcIso(report.published_at),
  };
  if (report.summary !== undefined) out.summary = toPlainBlock(report.summary);
  if (report.byline !== undefined) out.byline = toPlainLine(report.byline);
  if (report.located !== undefined) out.located = toPlainLine(report.located);
  if (report.versioncreated !== undefined) out.versioncreated = toUtcIso(report.versioncreated);
  if (report.subjects !== undefined) out.subjects = [...new Set(report.subjects.map((s) => s.trim()))];
  if (out.headline.length === 0) {
    return fail([{ path: '$.headline', message: 'headline has no text once markup is removed' }]);
  }
  return ok(out);
}

/** Validates an untrusted value as a native report and normalises it. */
export function parseNativeReport(input: unknown): Result<NativeReport> {
  const parsed = NativeReportSchema.safeParse(input);
  if (!parsed.success) return fail(issuesFromZod(parsed.error));
  return normaliseReport(parsed.data);
}

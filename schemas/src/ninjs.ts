import { z } from 'zod';
import { fail, issuesFromZod, type Result } from './issues.ts';
import { parseNativeReport, type NativeReport } from './report.ts';
import { toPlainBlock } from './text.ts';

const text = z.string();
const headlineEntry = z.looseObject({
  value: text,
  role: z.string().optional(),
  contenttype: z.string().optional(),
});
const bodyEntry = z.looseObject({
  value: text,
  role: z.string().optional(),
  contenttype: z.string().optional(),
});
const subjectEntry = z.looseObject({
  name: z.string().optional(),
  code: z.string().optional(),
  uri: z.string().optional(),
});

/**
 * The IPTC ninjs fields wirewatch reads (2.x, plus the 1.x names still common on the wire). Other ninjs
 * properties are allowed and ignored.
 */
export const NinjsSchema = z
  .looseObject({
    uri: z.string().min(1).max(1000),
    version: z.union([z.string(), z.number()]).optional(),
    firstcreated: z.iso.datetime({ offset: true }).optional(),
    versioncreated: z.iso.datetime({ offset: true }).optional(),
    language: z.string().optional(),
    headlines: z.array(headlineEntry).optional(),
    headline: text.optional(),
    bodies: z.array(bodyEntry).optional(),
    body_text: text.optional(),
    body_html: text.optional(),
    descriptions: z.array(bodyEntry).optional(),
    description_text: text.optional(),
    byline: text.optional(),
    by: text.optional(),
    located: text.optional(),
    subject: z.array(subjectEntry).optional(),
    subjects: z.array(subjectEntry).optional(),
    copyrightholder: z.string().optional(),
    /** Not ninjs: a wirewatch extension letting a sender name the source inside the document. */
    source: z.string().optional(),
  })
  .meta({ id: 'Ninjs', title: 'IPTC ninjs 2.x news item (the fields wirewatch reads)' });
export type Ninjs = z.infer<typeof NinjsSchema>;

/** True for a JSON value that is a ninjs item rather than a native report (native reports have no `uri`). */
export function looksLikeNinjs(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return typeof record.uri === 'string' && !('published_at' in record);
}

const byRole = <T extends { role?: string | undefined }>(
  entries: T[] | undefined,
  preferred: string,
): T | undefined => entries?.find((e) => e.role === preferred) ?? entries?.[0];

function ninjsBody(item: Ninjs): string {
  if (item.body_text !== undefined) return item.body_text;
  if (item.body_html !== undefined) return toPlainBlock(item.body_html);
  const body = byRole(item.bodies, 'main');
  if (body === undefined) return '';
  // A 2.x body carries its media type; anything marked HTML goes through the HTML-to-text converter.
  return body.contenttype?.includes('html') ? toPlainBlock(body.value) : body.value;
}

function ninjsVersion(version: string | number | undefined): number | undefined {
  if (version === undefined) return undefined;
  const n = typeof version === 'number' ? version : Number(version.trim());
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/**
 * Maps a ninjs item to a native report. `defaultSource` names the source when the item does not (the API
 * passes the token name); the ninjs `uri` becomes `source_id`.
 */
export function ninjsToNative(input: unknown, defaultSource: string): Result<NativeReport> {
  const parsed = NinjsSchema.safeParse(input);
  if (!parsed.success) return fail(issuesFromZod(parsed.error));
  const item = parsed.data;
  const headline = byRole(item.headlines, 'main')?.value ?? item.headline;
  const summary = item.description_text ?? byRole(item.descriptions, 'summary')?.value;
  const subjects = (item.subjects ?? item.subject ?? [])
    .map((s) => s.name ?? s.code ?? s.uri)
    .filter((s): s is string => s !== undefined && s.trim().length > 0);
  const publishedAt = item.firstcreated ?? item.versioncreated;
  const native: Record<string, unknown> = {
    source: item.source ?? item.copyrightholder ?? defaultSource,
    source_id: item.uri,
    published_at: publishedAt,
    headline,
    body: ninjsBody(item),
    summary: summary === undefined ? undefined : toPlainBlock(summary),
    language: item.language,
    version: ninjsVersion(item.version),
    versioncreated: item.versioncreated,
    byline: item.byline ?? item.by,
    located: item.located,
    subjects: subjects.length > 0 ? subjects : undefined,
  };
  for (const key of Object.keys(native)) if (native[key] === undefined) delete native[key];
  if (publishedAt === undefined) {
    return fail([{ path: '$.versioncreated', message: 'ninjs item needs firstcreated or versioncreated' }]);
  }
  if (headline === undefined) {
    return fail([
      { path: '$.headlines', message: 'ninjs item needs a headline (headlines[].value or headline)' },
    ]);
  }
  return parseNativeReport(native);
}

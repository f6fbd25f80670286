import { createHash } from 'node:crypto';

/** Query parameters that only track campaigns and never change what a URL points at. */
const TRACKING_PARAM = /^(utm_.*|fbclid|gclid|mc_cid|mc_eid)$/i;

/**
 * The canonical form of a report URL, so the same story reached by different links gets one identity:
 * lowercase scheme and host, no default port, no fragment, no tracking parameters, remaining query
 * parameters sorted, no trailing slash.
 */
export function canonicalUrl(raw: string): string {
  const url = new URL(raw.trim());
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  const path = url.pathname.replace(/\/+$/, '');
  const query = url.searchParams.toString();
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}

/** The identity key of a report: its source's id when it has one, otherwise its canonical URL. */
export function identityKey(report: {
  source: string;
  source_id?: string | undefined;
  url?: string | undefined;
}): string {
  if (report.source_id !== undefined)
    return `id\u0000${report.source.trim().toLowerCase()}\u0000${report.source_id.trim()}`;
  if (report.url !== undefined) return `url\u0000${canonicalUrl(report.url)}`;
  throw new Error('a report needs source_id or url to have an identity');
}

/**
 * Stable report id `r_<16 hex>`: the same story always gets the same id, across retries, restarts and
 * versions, so downstream stages can dedupe and an update replaces its earlier version.
 */
export function reportId(report: {
  source: string;
  source_id?: string | undefined;
  url?: string | undefined;
}): string {
  return `r_${createHash('sha256').update(identityKey(report)).digest('hex').slice(0, 16)}`;
}

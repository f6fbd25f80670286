import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** One feed to poll. `name` labels metrics and logs; it defaults to the source. */
export const FeedSpecSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  source: z.string().trim().min(1),
  name: z.string().trim().min(1).optional(),
  /** Seconds between polls when the feed is healthy; failures back off from here. */
  interval_s: z.number().positive().default(300),
});
export type FeedSpec = z.output<typeof FeedSpecSchema> & { name: string };

const FeedListSchema = z.union([z.strictObject({ feeds: z.array(FeedSpecSchema) }), z.array(FeedSpecSchema)]);

/** Parses a feed list (YAML or JSON text): `feeds: [{ url, source, interval_s }]` or a bare list. */
export function parseFeedList(text: string, origin = 'feed list'): FeedSpec[] {
  const parsed = FeedListSchema.safeParse(parseYaml(text));
  if (!parsed.success) throw new Error(`${origin}: ${z.prettifyError(parsed.error)}`);
  const feeds = Array.isArray(parsed.data) ? parsed.data : parsed.data.feeds;
  const specs = feeds.map((f) => ({ ...f, name: f.name ?? f.source }));
  const names = new Set<string>();
  for (const spec of specs) {
    if (names.has(spec.name))
      throw new Error(`${origin}: two feeds are named "${spec.name}"; give them distinct names`);
    names.add(spec.name);
  }
  return specs;
}

export function loadFeedList(path: string): FeedSpec[] {
  return parseFeedList(readFileSync(path, 'utf8'), path);
}

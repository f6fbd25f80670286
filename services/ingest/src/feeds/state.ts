import { mkdirSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** What the poller remembers about one item it has ingested (or dead-lettered). */
const SeenSchema = z.object({
  version: z.number().int(),
  versioncreated: z.string().nullable(),
  at: z.number(),
});
const FeedStateSchema = z.object({
  etag: z.string().optional(),
  last_modified: z.string().optional(),
  /** Ingested items by report id. */
  items: z.record(z.string(), SeenSchema).default({}),
  /** Dead-lettered items by a hash of their content, so a bad item is dead-lettered once, not every poll. */
  dead: z.record(z.string(), z.number()).default({}),
});
const StateFileSchema = z.object({
  schema_version: z.literal(1),
  feeds: z.record(z.string(), FeedStateSchema),
});

export type FeedState = z.infer<typeof FeedStateSchema>;
export type Seen = z.infer<typeof SeenSchema>;

/** Items remembered per feed; feeds list their latest few hundred at most, so older ids never come back. */
const MAX_REMEMBERED = 20_000;

/**
 * The poller's durable memory: per feed, validators for conditional GET and the items already ingested.
 * One JSON file, replaced atomically (write to a temporary file, fsync, rename), so a crash leaves either the
 * old or the new state, never a torn one. It is saved only after Kafka acknowledged a poll's reports: a crash
 * in between re-sends them (same report ids, deduplicated downstream) and never skips an item.
 */
export class FeedStateStore {
  private state: z.infer<typeof StateFileSchema>;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {
    this.state = FeedStateStore.read(path);
  }

  private static read(path: string): z.infer<typeof StateFileSchema> {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { schema_version: 1, feeds: {} };
      throw err;
    }
    // A state file that cannot be read is an error to fix, not a reason to re-ingest every feed from scratch.
    return StateFileSchema.parse(JSON.parse(text));
  }

  get(feedUrl: string): FeedState {
    return this.state.feeds[feedUrl] ?? { items: {}, dead: {} };
  }

  /** Replaces one feed's state and writes the file; resolves when it is durable on disk. */
  async put(feedUrl: string, feed: FeedState): Promise<void> {
    this.state.feeds[feedUrl] = trim(feed);
    const snapshot = JSON.stringify(this.state);
    // Writes are chained so two feeds finishing together cannot interleave their renames.
    this.writing = this.writing.catch(() => undefined).then(() => writeAtomically(this.path, snapshot));
    return this.writing;
  }
}

function trim(feed: FeedState): FeedState {
  const oldestFirst = <T>(entries: [string, T][], at: (v: T) => number) =>
    entries.length <= MAX_REMEMBERED
      ? entries
      : entries.sort((a, b) => at(a[1]) - at(b[1])).slice(-MAX_REMEMBERED);
  return {
    ...feed,
    items: Object.fromEntries(oldestFirst(Object.entries(feed.items), (s) => s.at)),
    dead: Object.fromEntries(oldestFirst(Object.entries(feed.dead), (at) => at)),
  };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const file = await open(tmp, 'w');
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmp, path);
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

import { createHash } from 'node:crypto';
import type { ClickHouse } from './port.ts';

interface Waiting {
  rows: readonly object[];
  token: string | undefined;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for many small writers into one table: at most one insert is in flight, and the rows that
 * arrive while it runs go together in the next one. Alone, a write goes out at once (no added latency);
 * under load, fifty one-row writes become one block. Each caller's promise settles with its group's insert,
 * so a caller still knows its rows are written before it goes on.
 *
 * Idempotency: a group of one keeps its caller's dedup token, so a retried write of it is dropped as before.
 * A bigger group's token is derived from its members' tokens, which only repeats if the same group does; a
 * retried member therefore lands in a new block, so the table must collapse repeats by key
 * (ReplacingMergeTree read with FINAL), as alert_events does.
 */
export class GroupedInsert {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(
    private readonly ch: ClickHouse,
    private readonly table: string,
    private readonly maxRows = 10_000,
  ) {}

  insert(rows: readonly object[], token?: string): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, token, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.take();
        const tokens = group.map((w) => w.token);
        const token =
          group.length === 1 ? tokens[0] : tokens.every((t) => t !== undefined) ? createHash('sha256').update(tokens.join('\n')).digest('hex') : undefined;
        try {
          await this.ch.insert(
            this.table,
            group.flatMap((w) => w.rows),
            token === undefined ? {} : { dedupToken: token },
          );
          for (const w of group) w.resolve();
        } catch (err) {
          for (const w of group) w.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** The next group: waiting writes in arrival order, up to maxRows (always at least one write). */
  private take(): Waiting[] {
    let rows = 0;
    let n = 0;
    while (n < this.waiting.length && (n === 0 || rows + this.waiting[n]!.rows.length <= this.maxRows)) {
      rows += this.waiting[n]!.rows.length;
      n += 1;
    }
    return this.waiting.splice(0, n);
  }
}

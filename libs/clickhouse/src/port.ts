/** Values for `{name:Type}` placeholders in a query. */
export type QueryParams = Record<string, string | number | boolean | null | readonly (string | number)[]>;

export interface InsertOptions {
  /**
   * Makes the insert idempotent: the engine drops a repeated block with the same token (within the
   * table's deduplication window), so a retried activity does not duplicate rows.
   */
  dedupToken?: string;
}

/**
 * The one ClickHouse port of wirewatch. Two adapters implement it: the embedded engine (chDB, in this
 * process) and a ClickHouse server (HTTP). Callers write plain ClickHouse SQL against the configured
 * database, which the adapter creates and selects on connect.
 */
export interface ClickHouse {
  readonly mode: 'embedded' | 'server';
  /** Runs a statement that returns no rows (DDL, OPTIMIZE, …). */
  exec(sql: string, params?: QueryParams): Promise<void>;
  /** Inserts rows (objects keyed by column) as one block. */
  insert(table: string, rows: readonly object[], options?: InsertOptions): Promise<void>;
  /** Inserts rows already serialised as JSONEachRow (`toJsonEachRow`, e.g. by an analysis thread) as one block. */
  insertJsonEachRow(table: string, bytes: Uint8Array, options?: InsertOptions): Promise<void>;
  /** Runs a query and returns its rows as objects (64-bit integers come back as strings). */
  query<T = Record<string, unknown>>(sql: string, params?: QueryParams): Promise<T[]>;
  close(): Promise<void>;
}

export class ClickHouseError extends Error {
  override name = 'ClickHouseError';
  constructor(
    message: string,
    readonly sql: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Serialises rows as JSONEachRow, the format both adapters insert with, straight into UTF-8 bytes one row at a
 * time. Joining a batch's rows into one string first (megabytes for a large batch) costs a copy to flatten it, and
 * such strings live in V8's large-object space, where they bring on full garbage collections.
 */
export function toJsonEachRow(rows: readonly object[]): Buffer {
  return jsonLinesToBytes(rows.map((row) => JSON.stringify(row)));
}

/** JSONEachRow bytes of rows serialised one by one beforehand (`JSON.stringify` of each). */
export function jsonLinesToBytes(lines: readonly string[]): Buffer {
  let bytes = Buffer.allocUnsafe(Math.max(4096, lines.length * 1024));
  let at = 0;
  for (const line of lines) {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8, and the newline 1.
    const room = line.length * 3 + 1;
    if (at + room > bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(bytes.length * 2, at + room));
      bytes.copy(grown, 0, 0, at);
      bytes = grown;
    }
    at += bytes.write(line, at);
    bytes[at++] = 0x0a;
  }
  return bytes.subarray(0, at);
}

/** A Buffer over the same memory as `bytes` (no copy), for APIs that take a Buffer. */
export function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function parseJsonEachRow<T>(text: string): T[] {
  const rows: T[] = [];
  for (const line of text.split('\n')) if (line.length > 0) rows.push(JSON.parse(line) as T);
  return rows;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** Table and database names are interpolated into SQL, so they must be plain identifiers. */
export function assertIdentifier(name: string): string {
  if (!identifier.test(name)) throw new Error(`not a valid ClickHouse identifier: ${JSON.stringify(name)}`);
  return name;
}

/** A time as ClickHouse's DateTime64(3, 'UTC') text: `2024-10-21 00:00:00.000`. */
export function chTime(date: Date): string {
  // Called for several columns of every row written: two slices cost less than two string replaces.
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

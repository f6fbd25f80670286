import { mkdirSync } from 'node:fs';
import { drainPending, Session } from 'chdb';
import { assertIdentifier, bufferOf, ClickHouseError, parseJsonEachRow, toJsonEachRow, type ClickHouse, type InsertOptions, type QueryParams } from './port.ts';

/**
 * ClickHouse in this process through chDB. The engine binds one data folder per process, and only one
 * process may open a folder, so the embedded runtime hosts every component that touches it and answers
 * `wirewatch sql` for other processes (see services/runtime).
 */
export class EmbeddedClickHouse implements ClickHouse {
  readonly mode = 'embedded';
  private constructor(private readonly session: Session) {}

  static async open(path: string, database: string): Promise<EmbeddedClickHouse> {
    mkdirSync(path, { recursive: true });
    // Quote 64-bit integers in JSON, as a ClickHouse server does, so both adapters return the same shapes.
    const session = new Session(path, { connectionArgs: ['--output_format_json_quote_64bit_integers=1'] });
    const db = assertIdentifier(database);
    session.query(`CREATE DATABASE IF NOT EXISTS ${db}`);
    session.query(`USE ${db}`);
    return new EmbeddedClickHouse(session);
  }

  async exec(sql: string, params?: QueryParams): Promise<void> {
    await this.run(sql, params, 'TabSeparated');
  }

  async insert(table: string, rows: readonly object[], options: InsertOptions = {}): Promise<void> {
    if (rows.length === 0) return;
    await this.insertJsonEachRow(table, toJsonEachRow(rows), options);
  }

  async insertJsonEachRow(table: string, bytes: Uint8Array, options: InsertOptions = {}): Promise<void> {
    if (bytes.length === 0) return;
    const settings: Record<string, string> = {};
    if (options.dedupToken) settings.insert_deduplication_token = options.dedupToken;
    try {
      await this.session.insert({
        table: assertIdentifier(table),
        values: bufferOf(bytes),
        format: 'JSONEachRow',
        settings,
      });
    } catch (err) {
      throw new ClickHouseError(`insert into ${table} failed: ${(err as Error).message}`, `INSERT INTO ${table}`, { cause: err });
    }
  }

  async query<T = Record<string, unknown>>(sql: string, params?: QueryParams): Promise<T[]> {
    return parseJsonEachRow<T>(await this.run(sql, params, 'JSONEachRow'));
  }

  private async run(sql: string, params: QueryParams | undefined, format: string): Promise<string> {
    try {
      const result = params
        ? await this.session.queryBindAsync(sql, params, { format })
        : await this.session.queryAsync(sql, { format });
      return result.text();
    } catch (err) {
      throw new ClickHouseError((err as Error).message, sql, { cause: err });
    }
  }

  async close(): Promise<void> {
    this.session.close();
    // The engine frees the folder only once nothing native is outstanding.
    await drainPending();
  }
}

import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { assertIdentifier, bufferOf, ClickHouseError, type ClickHouse, type InsertOptions, type QueryParams } from './port.ts';
import { renderParams } from './render-params.ts';

export interface ServerOptions {
  url: string;
  username: string;
  password: string;
  database: string;
}

/** What the connected server can do; old servers (Debian's 18.16) lack bound parameters and dedup tokens. */
interface Capabilities {
  version: string;
  boundParameters: boolean;
  dedupTokens: boolean;
}

function capabilitiesOf(version: string): Capabilities {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const atLeast = (m: number, n: number) => major > m || (major === m && minor >= n);
  return { version, boundParameters: atLeast(19, 11), dedupTokens: atLeast(22, 2) };
}

/** A ClickHouse server over HTTP (@clickhouse/client); each wirewatch service may run as its own process. */
export class ServerClickHouse implements ClickHouse {
  readonly mode = 'server';
  private constructor(
    private readonly client: ClickHouseClient,
    readonly capabilities: Capabilities,
  ) {}

  static async open(options: ServerOptions): Promise<ServerClickHouse> {
    const db = assertIdentifier(options.database);
    const bootstrap = createClient({ url: options.url, username: options.username, password: options.password });
    try {
      const rows = await (await bootstrap.query({ query: 'SELECT version() AS v', format: 'JSONEachRow' })).json<{ v: string }>();
      await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${db}` });
      const client = createClient({
        url: options.url,
        username: options.username,
        password: options.password,
        database: db,
      });
      return new ServerClickHouse(client, capabilitiesOf(rows[0]?.v ?? '0.0'));
    } catch (err) {
      throw new ClickHouseError(`cannot connect to ClickHouse at ${options.url}: ${(err as Error).message}`, '', { cause: err });
    } finally {
      await bootstrap.close();
    }
  }

  async exec(sql: string, params?: QueryParams): Promise<void> {
    try {
      await this.client.command(this.bind(sql, params));
    } catch (err) {
      throw new ClickHouseError((err as Error).message, sql, { cause: err });
    }
  }

  async insert(table: string, rows: readonly object[], options: InsertOptions = {}): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.client.insert({ table: assertIdentifier(table), values: rows as object[], format: 'JSONEachRow', clickhouse_settings: this.insertSettings(options) });
    } catch (err) {
      throw new ClickHouseError(`insert into ${table} failed: ${(err as Error).message}`, `INSERT INTO ${table}`, { cause: err });
    }
  }

  async insertJsonEachRow(table: string, bytes: Uint8Array, options: InsertOptions = {}): Promise<void> {
    if (bytes.length === 0) return;
    const clickhouse_settings = this.insertSettings(options);
    const query = `INSERT INTO ${assertIdentifier(table)} FORMAT JSONEachRow`;
    try {
      // The bytes are the request body as they are: nothing is parsed or serialised again here.
      const result = await this.client.exec({ query, values: Readable.from([bufferOf(bytes)]), clickhouse_settings });
      result.stream.resume();
      await finished(result.stream);
    } catch (err) {
      throw new ClickHouseError(`insert into ${table} failed: ${(err as Error).message}`, query, { cause: err });
    }
  }

  /** The insert's deduplication token, on servers that take one (22.2 and later; see capabilitiesOf). */
  private insertSettings(options: InsertOptions): { insert_deduplication_token?: string } {
    return options.dedupToken && this.capabilities.dedupTokens ? { insert_deduplication_token: options.dedupToken } : {};
  }

  async query<T = Record<string, unknown>>(sql: string, params?: QueryParams): Promise<T[]> {
    try {
      const result = await this.client.query({ ...this.bind(sql, params), format: 'JSONEachRow' });
      return await result.json<T>();
    } catch (err) {
      throw new ClickHouseError((err as Error).message, sql, { cause: err });
    }
  }

  /** Servers that bind parameters get them bound; older ones get them rendered as escaped literals. */
  private bind(sql: string, params: QueryParams | undefined): { query: string; query_params?: QueryParams } {
    if (!params) return { query: sql };
    if (this.capabilities.boundParameters) return { query: sql, query_params: params };
    return { query: renderParams(sql, params) };
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

import { configWith } from '@wirewatch/config';
import { ServerClickHouse } from '@wirewatch/clickhouse';
import { describe, expect, it } from 'vitest';
import { adapterContract } from './clickhouse-adapter.ts';

// The server adapter against a real clickhouse-server: the one these machines can install is Debian's
// 18.16, started by `wirewatch services up --with-clickhouse-server`. It predates bound parameters and
// insert deduplication tokens, so the adapter renders parameters as typed literals there and the
// token case runs only on servers that support it (docker-compose's current ClickHouse).
const config = configWith({});
const open = () =>
  ServerClickHouse.open({
    url: config.CLICKHOUSE_URL,
    username: config.CLICKHOUSE_USER,
    password: config.CLICKHOUSE_PASSWORD,
    database: 'wirewatch_contract',
  });

const probe = await open().then(
  async (ch) => {
    const capabilities = ch.capabilities;
    await ch.close();
    return capabilities;
  },
  (err: unknown) => {
    throw new Error(`clickhouse-server is not reachable at ${config.CLICKHOUSE_URL}: start it with \`npx wirewatch services up --with-clickhouse-server\` (${String(err)})`);
  },
);

describe(`server ClickHouse adapter (clickhouse-server ${probe.version})`, () => {
  adapterContract(open, { dedupTokens: probe.dedupTokens });

  it('knows what the connected server supports', () => {
    expect(probe.version).toMatch(/^\d+\.\d+/);
    const [major = 0, minor = 0] = probe.version.split('.').map(Number);
    expect(probe.boundParameters).toBe(major > 19 || (major === 19 && minor >= 11));
    expect(probe.dedupTokens).toBe(major > 22 || (major === 22 && minor >= 2));
  });
});

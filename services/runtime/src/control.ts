import Fastify, { type FastifyInstance } from 'fastify';
import type { ClickHouse, QueryParams } from '@wirewatch/clickhouse';

/**
 * The embedded runtime's local control endpoint. chDB lets one process open the data folder, so other
 * processes (`wirewatch sql`, `wirewatch migrate`) send their statements here. Listens on loopback only.
 */
export function buildControlApp(ch: ClickHouse, onMigrate: () => Promise<unknown>): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/healthz', async () => ({ ok: true, clickhouse: ch.mode }));
  app.post<{ Body: { query?: unknown; params?: unknown } }>('/v1/sql', async (request, reply) => {
    const { query, params } = request.body ?? {};
    if (typeof query !== 'string' || query.trim() === '') {
      return reply.code(400).send({ error: 'body.query: expected a SQL string' });
    }
    try {
      const rows = await ch.query(query, (params ?? undefined) as QueryParams | undefined);
      return { rows };
    } catch (err) {
      return reply.code(400).send({ error: (err as Error).message });
    }
  });
  app.post('/v1/migrate', async () => onMigrate());
  return app;
}

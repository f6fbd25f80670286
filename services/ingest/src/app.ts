import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import type { Logger } from '@wirewatch/log';
import { ProduceError } from '@wirewatch/kafka';
import type { Issue, Origin } from '@wirewatch/schemas';
import {
  acceptLine,
  acceptText,
  splitNdjson,
  decodeUtf8,
  type Accepted,
  type DocumentFormat,
  type Outcome,
  type RejectReason,
} from './accept.ts';
import { TokenRegistry } from './auth.ts';
import { createIngestMetrics, type IngestMetrics } from './metrics.ts';
import { openApiDocument } from './openapi.ts';
import type { ReportSink } from './sink.ts';

export interface IngestAppDeps {
  sink: ReportSink;
  logger: Logger;
  /** INGEST_TOKENS: `name:token` pairs. */
  tokens: readonly string[];
  maxBodyBytes: number;
  maxBatchLines: number;
  metrics?: IngestMetrics;
  now?: () => Date;
}

/** Seconds a client is told to wait after a 503 before retrying. */
const RETRY_AFTER_S = 5;

const NDJSON = 'application/x-ndjson';
const NINJS = 'application/vnd.iptc.ninjs+json';
const JSON_TYPES = ['application/json', NINJS, NDJSON];

/** A JSON error answer: a stable machine-readable code and a sentence for people. */
interface ErrorBody {
  error: string;
  message: string;
  issues?: Issue[];
}

type LineResult =
  | { line: number; status: 'accepted'; report_id: string; version: number }
  | { line: number; status: 'rejected'; reason: RejectReason; message: string; issues?: Issue[] };

const STATUS_OF_REASON: Record<RejectReason, number> = {
  invalid_utf8: 400,
  invalid_json: 400,
  invalid_report: 400,
  report_too_large: 413,
};

/**
 * The ingest HTTP API as a fastify instance (not listening): POST /v1/reports, health, readiness, metrics and
 * the OpenAPI document. A report is answered 202 only after the sink (Kafka) acknowledged it.
 */
export function buildIngestApp(deps: IngestAppDeps): FastifyInstance {
  const metrics = deps.metrics ?? createIngestMetrics();
  const now = deps.now ?? (() => new Date());
  const tokens = new TokenRegistry(deps.tokens);
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Per-request log lines would dominate at thousands of reports a second; metrics count requests instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.maxBodyBytes,
  });

  // Bodies are read as bytes: UTF-8 and JSON are checked by the ingest pipeline, per NDJSON line.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    const code = fastifyErrorCode(error.code, status);
    if (status >= 500) request.log.error({ err: error }, 'ingest request failed');
    if (request.routeOptions.url === '/v1/reports') metrics.rejected.inc({ channel: 'api', reason: code });
    return reply.code(status).send({ error: code, message: error.message } satisfies ErrorBody);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url}` } satisfies ErrorBody),
  );
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequests.inc({
      route: request.routeOptions.url ?? 'unknown',
      status: String(reply.statusCode),
    });
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) =>
    deps.sink.ready
      ? { status: 'ready' }
      : reply.code(503).header('retry-after', RETRY_AFTER_S).send({ status: 'kafka_unavailable' }),
  );
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  app.get('/openapi.json', async () => openApiDocument(deps.maxBodyBytes, deps.maxBatchLines));

  app.post<{ Querystring: { source?: string } }>('/v1/reports', {
    onRequest: async (request, reply) => {
      const name = tokens.authenticate(request.headers.authorization);
      if (name === undefined) {
        metrics.rejected.inc({ channel: 'api', reason: 'unauthorized' });
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer realm="wirewatch-ingest"')
          .send({ error: 'unauthorized', message: 'a valid bearer token is required' } satisfies ErrorBody);
      }
      request.tokenName = name;
    },
    handler: async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        metrics.rejected.inc({ channel: 'api', reason: 'empty_body' });
        return reply
          .code(400)
          .send({ error: 'empty_body', message: 'the request has no body' } satisfies ErrorBody);
      }
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const context = {
        format: (contentType === NINJS ? 'ninjs' : 'auto') as DocumentFormat,
        defaultSource: request.query.source ?? request.tokenName!,
        receivedAt: now(),
        origin: { channel: 'api', name: request.tokenName! } satisfies Origin,
      };
      return contentType === NDJSON ? handleBatch(body, context, reply) : handleSingle(body, context, reply);
    },
  });

  async function handleSingle(body: Buffer, context: Parameters<typeof acceptText>[1], reply: FastifyReply) {
    metrics.received.inc({ channel: 'api' });
    const text = decodeUtf8(body);
    const outcome: Outcome = text.ok ? acceptText(text.text, context) : text;
    if (!outcome.ok) {
      metrics.rejected.inc({ channel: 'api', reason: outcome.rejection.reason });
      const { reason, message, issues } = outcome.rejection;
      return reply
        .code(STATUS_OF_REASON[reason])
        .send({ error: reason, message, ...(issues ? { issues } : {}) } satisfies ErrorBody);
    }
    if (!(await store([outcome.value], reply))) return reply;
    const { report_id, version } = outcome.value.envelope;
    return reply.code(202).send({ status: 'accepted', report_id, version });
  }

  async function handleBatch(body: Buffer, context: Parameters<typeof acceptText>[1], reply: FastifyReply) {
    const lines = splitNdjson(body);
    if (lines.length === 0) {
      metrics.rejected.inc({ channel: 'api', reason: 'empty_batch' });
      return reply
        .code(400)
        .send({ error: 'empty_batch', message: 'the NDJSON body has no lines' } satisfies ErrorBody);
    }
    if (lines.length > deps.maxBatchLines) {
      metrics.rejected.inc({ channel: 'api', reason: 'batch_too_large' });
      return reply.code(413).send({
        error: 'batch_too_large',
        message: `the batch has ${lines.length} lines; the limit is ${deps.maxBatchLines}: split it`,
      } satisfies ErrorBody);
    }
    metrics.received.inc({ channel: 'api' }, lines.length);
    const results: LineResult[] = [];
    const accepted: Accepted[] = [];
    for (const line of lines) {
      const outcome = acceptLine(line, context);
      if (outcome.ok) {
        accepted.push(outcome.value);
        const { report_id, version } = outcome.value.envelope;
        results.push({ line: line.line, status: 'accepted', report_id, version });
      } else {
        metrics.rejected.inc({ channel: 'api', reason: outcome.rejection.reason });
        results.push({ line: line.line, status: 'rejected', ...outcome.rejection });
      }
    }
    if (accepted.length > 0 && !(await store(accepted, reply))) return reply;
    const rejected = results.length - accepted.length;
    // Partly good batches are accepted (202) with per-line results; a batch with nothing good is a 400.
    return reply.code(accepted.length > 0 ? 202 : 400).send({ accepted: accepted.length, rejected, results });
  }

  /** Writes to Kafka; on failure answers 503 (the client retries; report ids are stable) and returns false. */
  async function store(reports: Accepted[], reply: FastifyReply): Promise<boolean> {
    // No readiness pre-check: a sink that is not connected refuses at once, and one whose last request failed
    // must be allowed to try again, or it could never become ready.
    try {
      await deps.sink.publish(reports);
      metrics.accepted.inc({ channel: 'api' }, reports.length);
      return true;
    } catch (err) {
      if (!(err instanceof ProduceError)) throw err;
      reply.log.warn({ reason: err.reason, err: err.message, reports: reports.length }, 'reports not stored');
      unavailable(reply, reports.length, err.reason, `${err.message}; nothing is known to be stored: retry`);
      return false;
    }
  }

  function unavailable(reply: FastifyReply, count: number, reason: string, message: string): void {
    metrics.rejected.inc({ channel: 'api', reason }, count);
    void reply
      .code(503)
      .header('retry-after', RETRY_AFTER_S)
      .send({ error: reason, message } satisfies ErrorBody);
  }

  return app;
}

/** Stable error codes for fastify's own errors (body limits, content types, …). */
function fastifyErrorCode(code: string | undefined, status: number): string {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'invalid_content_length';
    default:
      return status >= 500 ? 'internal_error' : 'bad_request';
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Name of the API token that authenticated the request. */
    tokenName?: string;
  }
}

import { jsonSchemas } from '@wirewatch/schemas';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** Drops the `$schema` keyword: inside OpenAPI 3.1 components the dialect is the document's. */
function component(schema: object): object {
  const { $schema: _dialect, ...rest } = schema as Record<string, unknown>;
  return rest;
}

/** The OpenAPI 3.1 description of the ingest API, served at GET /openapi.json. */
export function openApiDocument(maxBodyBytes: number, maxBatchLines: number): object {
  const schemas = jsonSchemas();
  return {
    openapi: '3.1.0',
    info: {
      title: 'wirewatch ingest API',
      version: '1',
      description:
        'Accepts wire reports and stores them on Kafka. A 202 means Kafka acknowledged the report; a 503 means nothing ' +
        'is known to be stored and the request should be retried after Retry-After seconds. Retrying is safe: report ids ' +
        'are derived from (source, source_id) or the canonical URL, so a retry yields the same id.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        NativeReport: component(schemas['native-report']!),
        Ninjs: component(schemas.ninjs!),
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: {
            error: {
              type: 'string',
              description: 'machine-readable code, e.g. invalid_report, body_too_large, kafka_unavailable',
            },
            message: { type: 'string' },
            issues: { type: 'array', items: { $ref: '#/components/schemas/Issue' } },
          },
        },
        Issue: {
          type: 'object',
          required: ['path', 'message'],
          properties: {
            path: { type: 'string', description: 'JSON path into the document, e.g. $.subjects[1]' },
            message: { type: 'string' },
          },
        },
        Accepted: {
          type: 'object',
          required: ['status', 'report_id', 'version'],
          properties: {
            status: { const: 'accepted' },
            report_id: { type: 'string', pattern: '^r_[0-9a-f]{16}$' },
            version: { type: 'integer' },
          },
        },
        BatchResult: {
          type: 'object',
          required: ['accepted', 'rejected', 'results'],
          properties: {
            accepted: { type: 'integer' },
            rejected: { type: 'integer' },
            results: {
              type: 'array',
              items: {
                type: 'object',
                required: ['line', 'status'],
                properties: {
                  line: { type: 'integer', description: 'line number in the body, from 1' },
                  status: { enum: ['accepted', 'rejected'] },
                  report_id: { type: 'string' },
                  version: { type: 'integer' },
                  reason: { enum: ['invalid_utf8', 'invalid_json', 'invalid_report', 'report_too_large'] },
                  message: { type: 'string' },
                  issues: { type: 'array', items: { $ref: '#/components/schemas/Issue' } },
                },
              },
            },
          },
        },
      },
    },
    paths: {
      '/v1/reports': {
        post: {
          summary: 'Submit one report, or a batch as NDJSON',
          security: [{ bearer: [] }],
          parameters: [
            {
              name: 'source',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              description: 'Source name for ninjs items that do not carry one (default: the token name).',
            },
          ],
          requestBody: {
            required: true,
            description: `At most ${maxBodyBytes} bytes; an NDJSON batch at most ${maxBatchLines} lines.`,
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { $ref: '#/components/schemas/NativeReport' },
                    { $ref: '#/components/schemas/Ninjs' },
                  ],
                },
              },
              'application/vnd.iptc.ninjs+json': { schema: { $ref: '#/components/schemas/Ninjs' } },
              'application/x-ndjson': {
                schema: { type: 'string', description: 'one native report or ninjs item per line' },
              },
            },
          },
          responses: {
            '202': {
              description:
                'Stored on Kafka. For a batch: per-line results, good lines stored even when others were rejected.',
              content: {
                'application/json': {
                  schema: {
                    oneOf: [
                      { $ref: '#/components/schemas/Accepted' },
                      { $ref: '#/components/schemas/BatchResult' },
                    ],
                  },
                },
              },
            },
            '400': error(
              'Invalid report, JSON or UTF-8; for a batch in which no line was valid, a BatchResult',
            ),
            '401': error('Missing or unknown bearer token'),
            '413': error(
              `Body over ${maxBodyBytes} bytes, batch over ${maxBatchLines} lines, or a report too large for Kafka`,
            ),
            '415': error(
              'Content type other than application/json, application/vnd.iptc.ninjs+json, application/x-ndjson',
            ),
            '503': error(
              'Kafka unavailable or too slow; nothing is known to be stored. Retry after Retry-After seconds.',
            ),
          },
        },
      },
      '/healthz': {
        get: { summary: 'Liveness', responses: { '200': { description: 'The process is up' } } },
      },
      '/readyz': {
        get: {
          summary: 'Readiness: connected to Kafka',
          responses: { '200': { description: 'Ready' }, '503': { description: 'Not connected to Kafka' } },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          responses: { '200': { description: 'text exposition format' } },
        },
      },
    },
  };
}

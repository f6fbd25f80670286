import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getQuery, QUERIES, QueryParamError, type GivenParams, type QueryName } from '@wirewatch/queries';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { bearerToken, cookieValue, DashboardAuth, SESSION_COOKIE, type Operator } from './auth.ts';
import { appPage, loginPage } from './html.ts';
import { createViews, parseRange, type ViewDeps } from './views.ts';

export interface DashboardOptions extends ViewDeps {
  /** DASHBOARD_TOKENS: `name:token` pairs. */
  tokens: readonly string[];
  sessionHours: number;
  refreshMs: number;
}

const require = createRequire(import.meta.url);
const publicFile = (name: string) => fileURLToPath(new URL(`../public/${name}`, import.meta.url));

/** The front end: our module and stylesheet, and uPlot served from node_modules (no CDN). */
function loadAssets(): Map<string, { type: string; body: Buffer }> {
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  return new Map([
    ['dashboard.js', { type: js, body: readFileSync(publicFile('dashboard.js')) }],
    ['dashboard.css', { type: css, body: readFileSync(publicFile('dashboard.css')) }],
    ['uPlot.iife.min.js', { type: js, body: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js')) }],
    ['uPlot.min.css', { type: css, body: readFileSync(require.resolve('uplot/dist/uPlot.min.css')) }],
  ]);
}

// Reports are untrusted input: besides escaping everything, the page may run only our own scripts.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

declare module 'fastify' {
  interface FastifyRequest {
    operator: Operator | null;
  }
}

/** The operator dashboard: login, the server-rendered page, its JSON API and the named queries. */
export function buildDashboardApp(options: DashboardOptions): FastifyInstance {
  // Alert ids hold their rule and group key, longer than Fastify's default 100-character path parameter.
  const app = Fastify({ logger: false, routerOptions: { maxParamLength: 1000 } });
  const auth = new DashboardAuth(options.tokens, options.sessionHours * 3_600_000);
  const views = createViews(options);
  const assets = loadAssets();

  app.decorateRequest('operator', null);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.addHook('onSend', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  // Who is asking: a bearer token (API clients) or a login session (the browser).
  app.addHook('onRequest', async (request) => {
    request.operator =
      auth.operatorOfToken(bearerToken(request.headers.authorization)) ?? auth.operatorOfSession(cookieValue(request.headers.cookie, SESSION_COOKIE));
  });
  const requireApiOperator = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.operator) return reply.code(401).send({ error: 'unauthorized', message: 'sign in or send a dashboard token (Authorization: Bearer …)' });
  };

  app.get('/healthz', async () => ({ ok: true }));
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) return reply.code(404).send({ error: 'not_found' });
    return reply.type(asset.type).header('cache-control', 'no-cache').send(asset.body);
  });

  app.get('/login', async (_request, reply) => reply.type('text/html; charset=utf-8').send(loginPage(null)));
  app.post<{ Body: { token?: string } }>('/login', async (request, reply) => {
    const operator = auth.operatorOfToken(typeof request.body?.token === 'string' ? request.body.token : undefined);
    if (!operator) return reply.code(401).type('text/html; charset=utf-8').send(loginPage('That token does not open the dashboard.'));
    const session = auth.startSession(operator);
    reply.header('set-cookie', `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${session.maxAgeSeconds}`);
    return reply.redirect('/', 303);
  });
  app.post('/logout', async (request, reply) => {
    auth.endSession(cookieValue(request.headers.cookie, SESSION_COOKIE));
    reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    return reply.redirect('/login', 303);
  });
  app.get('/', async (request, reply) => {
    if (!request.operator) return reply.redirect('/login', 303);
    return reply
      .type('text/html; charset=utf-8')
      .send(appPage({ operator: request.operator.name, refreshMs: options.refreshMs, rulesetVersion: options.rulesetVersion }));
  });

  app.register(
    async (api) => {
      api.addHook('preHandler', requireApiOperator);
      api.setErrorHandler(async (err, _request, reply) => {
        if (err instanceof QueryParamError) return reply.code(400).send({ error: 'bad_parameter', message: err.message });
        return reply.code(500).send({ error: 'query_failed', message: (err as Error).message });
      });

      type RangeQuery = { Querystring: { range?: string } };
      api.get('/me', async (request) => ({ operator: request.operator!.name, rulesetVersion: options.rulesetVersion }));
      api.get<RangeQuery>('/feed', async (request) => views.feed(parseRange(request.query.range, '7d')));
      api.get<{ Querystring: { range?: string; actor?: string; target?: string; conflict?: string } }>('/escalation', async (request) => {
        const { actor, target, conflict } = request.query;
        return views.escalation(parseRange(request.query.range, '7d'), { actor, target, conflict });
      });
      api.get<RangeQuery>('/stories', async (request) => views.stories(parseRange(request.query.range, '7d')));
      api.get<{ Params: { id: string } }>('/stories/:id', async (request) => views.story(request.params.id));
      api.get<RangeQuery>('/alerts', async (request) => views.alerts(parseRange(request.query.range, '30d')));
      api.post<{ Params: { id: string; action: string }; Body: { note?: unknown } }>('/alerts/:id/:action', async (request, reply) => {
        // JSON only: a cross-site form cannot send it, so a login cookie alone cannot be ridden.
        if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
          return reply.code(415).send({ error: 'json_required', message: 'send a JSON body' });
        }
        const action = request.params.action === 'ack' || request.params.action === 'resolve' ? request.params.action : null;
        if (!action) return reply.code(404).send({ error: 'not_found', message: 'actions are ack and resolve' });
        if (!options.alerts) return reply.code(409).send({ error: 'no_alerting', message: 'no alerting configured' });
        const note = typeof request.body?.note === 'string' ? request.body.note.slice(0, 500) : undefined;
        try {
          return { state: await options.alerts.act(request.params.id, action, request.operator!.name, note) };
        } catch (err) {
          return reply.code(409).send({ error: 'alert_not_open', message: (err as Error).message });
        }
      });
      api.get<RangeQuery>('/health', async (request) => views.health(parseRange(request.query.range, '24h')));

      api.get('/queries', async () => QUERIES.map((q) => ({ name: q.name, question: q.question, params: q.params })));
      api.get<{ Params: { name: string }; Querystring: Record<string, string> }>('/queries/:name', async (request, reply) => {
        const query = getQuery(request.params.name);
        if (!query) return reply.code(404).send({ error: 'not_found', message: `no query named ${request.params.name}` });
        return { name: query.name, rows: await views.run(query.name as QueryName, request.query as GivenParams) };
      });
    },
    { prefix: '/api' },
  );
  return app;
}

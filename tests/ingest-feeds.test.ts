/**
 * The feed poller against a local HTTP server serving RSS and Atom fixtures, and the real Kafka: items land
 * on `reports.raw` once, bad items on the dead-letter topic once, conditional GET is used, a restart neither
 * re-ingests nor skips, an updated entry becomes a new version, and a hanging or broken feed never stops the others.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicNames } from '@wirewatch/kafka';
import { createLogger } from '@wirewatch/log';
import {
  connectKafkaSink,
  createIngestMetrics,
  feedStatePath,
  startFeedPoller,
  type FeedPollerHandle,
  type FeedSpec,
  type KafkaSinkHandle,
} from '@wirewatch/ingest';
import { DeadLetterSchema, decodeEnvelope, type ReportEnvelope } from '@wirewatch/schemas';
import { eventually, sleep } from './helpers/config.ts';
import { repoPath } from './helpers/paths.ts';
import { ingestConfig, readTopic } from './ingest-support.ts';

const fixture = (name: string) => readFileSync(repoPath('tests', 'fixtures', 'feeds', name), 'utf8');

/** Serves the fixtures the way real feed servers do, counting what it answered. */
class FeedServer {
  rss = fixture('rss-wire.xml');
  atom = fixture('atom-ministry.xml');
  atomModified = 'Tue, 04 Mar 2025 09:00:00 GMT';
  served: Record<string, number> = {};
  private server: Server = createServer((req, res) => this.handle(req, res));
  url = '';

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  private count(key: string) {
    this.served[key] = (this.served[key] ?? 0) + 1;
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const etag = `"rss-${this.rss.length}"`;
    switch (req.url) {
      case '/rss':
        if (req.headers['if-none-match'] === etag) {
          this.count('rss 304');
          return res.writeHead(304).end();
        }
        this.count('rss 200');
        return res
          .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag })
          .end(this.rss);
      case '/atom':
        if (req.headers['if-modified-since'] === this.atomModified) {
          this.count('atom 304');
          return res.writeHead(304).end();
        }
        this.count('atom 200');
        return res
          .writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': this.atomModified })
          .end(this.atom);
      case '/hang':
        this.count('hang');
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?><rss version="2.0"><channel>'); // …and never finishes
        return;
      case '/error':
        this.count('error');
        return res.writeHead(500).end('upstream exploded');
      case '/malformed':
        this.count('malformed');
        return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('malformed.xml'));
      default:
        return res.writeHead(404).end();
    }
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('feed poller on real Kafka', () => {
  const config = ingestConfig('ingest-feeds');
  const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
  const logger = createLogger('feed-test', 'fatal');
  const server = new FeedServer();
  let kafka: KafkaSinkHandle;
  let feeds: FeedSpec[];
  let metrics = createIngestMetrics();
  let poller: FeedPollerHandle | undefined;

  const start = () => {
    metrics = createIngestMetrics();
    poller = startFeedPoller({
      feeds,
      sink: kafka.sink,
      statePath: feedStatePath(config),
      logger,
      metrics,
      fetchTimeoutMs: 500,
      maxFeedBytes: 1024 * 1024,
      maxBackoffMs: 1000,
    });
  };
  const polls = async (feed: string, outcome: string) => {
    const metric = (await metrics.feedPolls.get()).values.find(
      (v) => v.labels.feed === feed && v.labels.outcome === outcome,
    );
    return metric?.value ?? 0;
  };
  const rawEnvelopes = async (expected: number): Promise<ReportEnvelope[]> =>
    (await readTopic(config, topics.raw, { expected, settleMs: 2000 })).map((m) => {
      const d = decodeEnvelope(m.value);
      if (!d.ok) throw new Error(d.error);
      return d.envelope;
    });

  beforeAll(async () => {
    await server.start();
    feeds = [
      { name: 'wire', source: 'example-wire', url: `${server.url}/rss`, interval_s: 0.3 },
      { name: 'ministry', source: 'ministry', url: `${server.url}/atom`, interval_s: 0.3 },
      { name: 'hanging', source: 'hanging', url: `${server.url}/hang`, interval_s: 0.3 },
      { name: 'failing', source: 'failing', url: `${server.url}/error`, interval_s: 0.3 },
      { name: 'garbage', source: 'garbage', url: `${server.url}/malformed`, interval_s: 0.3 },
    ];
    kafka = connectKafkaSink(config, logger, metrics);
    await kafka.waitUntilReady(60_000);
  });
  afterAll(async () => {
    await poller?.close();
    await kafka?.close();
    await server.close();
  });

  it('ingests valid items, dead-letters the invalid one, and keeps polling healthy feeds while others hang or fail', async () => {
    start();
    await eventually(
      () => polls('wire', 'not_modified'),
      (n) => n >= 3,
      20_000,
    );
    expect(await polls('hanging', 'timeout')).toBeGreaterThanOrEqual(1);
    expect(await polls('failing', 'http_error')).toBeGreaterThanOrEqual(1);
    expect(await polls('garbage', 'malformed')).toBeGreaterThanOrEqual(1);
    // Conditional GET: each document was downloaded once, then answered 304.
    expect(server.served['rss 200']).toBe(1);
    expect(server.served['atom 200']).toBe(1);
    expect(server.served['atom 304']).toBeGreaterThanOrEqual(1);

    const envelopes = await rawEnvelopes(4);
    expect(envelopes.map((e) => e.payload.source_id).sort()).toEqual(
      [
        'ew-2025-03-04-0001',
        'https://wire.example.org/world/2025/03/04/talks-resume',
        'urn:example:ministry:press:2025-030',
        'urn:example:ministry:press:2025-031',
      ].sort(),
    );
    expect(envelopes.every((e) => e.origin?.channel === 'feed' && e.version === 1)).toBe(true);

    const letters = await readTopic(config, topics.deadletter, { expected: 1, settleMs: 1000 });
    expect(letters).toHaveLength(1);
    const letter = DeadLetterSchema.parse(JSON.parse(letters[0]!.value.toString()));
    expect(letter).toMatchObject({
      reason: 'invalid_feed_item',
      step: 'feed.map',
      origin: `${server.url}/rss`,
    });
    expect(Buffer.from(letter.original_base64, 'base64').toString()).toContain('ew-2025-03-04-0003');
    expect(letters[0]!.headers['wirewatch-reason']).toBe('invalid_feed_item');

    const text = await metrics.registry.metrics();
    expect(text).toMatch(/wirewatch_feed_consecutive_failures\{feed="hanging"\} [1-9]/);
    expect(text).toContain('wirewatch_feed_consecutive_failures{feed="wire"} 0');
    expect(text).toContain('wirewatch_ingest_dead_letters_total{reason="invalid_feed_item"} 1');
  });

  it('after a restart, neither re-ingests nor skips; an updated entry becomes version 2 of the same report', async () => {
    await poller!.close();
    // While the poller is down, the ministry adds an entry and updates one.
    server.atom = server.atom
      .replace('<updated>2025-03-03T18:00:00Z</updated>', '<updated>2025-03-04T10:30:00Z</updated>')
      .replace(
        '</feed>',
        `<entry><title>Border crossings closed</title><id>urn:example:ministry:press:2025-032</id>
         <link href="https://ministry.example.gov/press/2025-032"/><published>2025-03-04T10:00:00Z</published>
         <summary>All crossings closed overnight.</summary></entry></feed>`,
      );
    server.atomModified = 'Tue, 04 Mar 2025 10:30:00 GMT';
    const rssDownloads = server.served['rss 200'];
    start();
    await poller!.pollAll();
    await sleep(1000);

    const envelopes = await rawEnvelopes(6);
    expect(envelopes).toHaveLength(6);
    const byId = (id: string) => envelopes.filter((e) => e.payload.source_id === id);
    expect(byId('urn:example:ministry:press:2025-032').map((e) => e.version)).toEqual([1]);
    const updated = byId('urn:example:ministry:press:2025-030');
    expect(updated.map((e) => e.version)).toEqual([1, 2]);
    expect(updated[0]!.report_id).toBe(updated[1]!.report_id);
    expect(byId('ew-2025-03-04-0001')).toHaveLength(1);
    // The RSS validators survived the restart: the document was not downloaded again.
    expect(server.served['rss 200']).toBe(rssDownloads);
    // The invalid item is not dead-lettered a second time.
    expect(await readTopic(config, topics.deadletter, { expected: 1, settleMs: 1000 })).toHaveLength(1);
    expect(
      readFileSync(
        join(
          config.WIREWATCH_HOME,
          'ingest',
          `feed-state-${config.KAFKA_TOPIC_PREFIX.replace(/[^A-Za-z0-9_-]/g, '_')}.json`,
        ),
        'utf8',
      ),
    ).toContain('"etag"');
  });
});

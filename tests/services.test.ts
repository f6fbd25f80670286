/**
 * The local services as `wirewatch services up` leaves them (CI runs it before vitest): Kafka answers kafkajs
 * for everything wirewatch does with it, Temporal answers the TypeScript client, and `up` twice is a no-op.
 * These tests never start or stop the shared services.
 */
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel, type Consumer, type EachMessagePayload } from 'kafkajs';
import { Connection } from '@temporalio/client';
import { configWith, loadConfig } from '@wirewatch/config';
import { servicesStatus, servicesUp, StackError } from '@wirewatch/stack';

const config = loadConfig();
const statuses = await servicesStatus({ config });
const running = (name: string) => statuses.find((s) => s.name === name)?.state === 'running';

describe('wirewatch services', () => {
  it('reports Kafka and Temporal running (started by `wirewatch services up`)', () => {
    expect(statuses.filter((s) => s.state === 'running').map((s) => s.name)).toEqual(
      expect.arrayContaining(['kafka', 'temporal']),
    );
  });

  it('is idempotent: `up` on running services is a fast no-op', async () => {
    const started = Date.now();
    const results = await servicesUp(['kafka', 'temporal'], { config });
    expect(results.map((r) => r.outcome)).toEqual(['already-running', 'already-running']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses to start on a port another program holds, naming it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'wirewatch-home-'));
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      const other = configWith({ WIREWATCH_HOME: home, KAFKA_PORT: String(port) });
      const attempt = servicesUp(['kafka'], { config: other });
      await expect(attempt).rejects.toThrow(StackError);
      await expect(attempt).rejects.toThrow(new RegExp(`port ${port}\\b.*already in use`));
    } finally {
      squatter.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe.runIf(running('kafka'))('Kafka with kafkajs 2.2.4', () => {
  const kafka = new Kafka({
    clientId: 'wirewatch-services-test',
    brokers: [`localhost:${config.KAFKA_PORT}`],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const topic = `services-test-${Date.now()}`;
  const groupId = `${topic}-group`;
  const partitions = 4;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    await admin.connect();
  });
  afterAll(async () => {
    for (const consumer of consumers) await consumer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  async function produce(prefix: string, count: number): Promise<string[]> {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const values = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
    try {
      await producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: value, value })) });
    } finally {
      await producer.disconnect();
    }
    return values;
  }

  /** A group member that commits each message's offset itself (autoCommit off) and records its assignment. */
  async function joinGroup(seen: Map<string, string>, label: string) {
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 500,
      rebalanceTimeout: 10_000,
    });
    consumers.push(consumer);
    const member = { consumer, assigned: [] as number[] };
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      member.assigned = event.payload.memberAssignment[topic] ?? [];
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }: EachMessagePayload) => {
        await consumer.commitOffsets([
          { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
        ]);
        seen.set(message.value!.toString(), label);
      },
    });
    return member;
  }

  async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }

  it('creates a topic, produces idempotently, consumes and commits in a group, and rebalances to a second member', async () => {
    expect(
      await admin.createTopics({
        topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
        waitForLeaders: true,
      }),
    ).toBe(true);

    const first = await produce('first', 40);
    const seen = new Map<string, string>();
    const a = await joinGroup(seen, 'a');
    await until(() => first.every((v) => seen.has(v)), 'member a to read the first batch');
    expect(a.assigned.sort()).toEqual([0, 1, 2, 3]);

    // Committed offsets are the partitions' ends: nothing is re-read after the rebalance.
    const ends = await admin.fetchTopicOffsets(topic);
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committedByPartition = Object.fromEntries(
      committed[0]!.partitions.map((p) => [p.partition, p.offset]),
    );
    for (const end of ends) expect(committedByPartition[end.partition]).toBe(end.high);

    const b = await joinGroup(seen, 'b');
    await until(
      () =>
        a.assigned.length + b.assigned.length === partitions &&
        b.assigned.length > 0 &&
        a.assigned.length < partitions,
      'the group to rebalance over two members',
      40_000,
    );
    expect([...a.assigned, ...b.assigned].sort()).toEqual([0, 1, 2, 3]);

    const second = await produce('second', 40);
    await until(() => second.every((v) => seen.has(v)), 'both members to read the second batch');
    const readBy = new Set(second.map((v) => seen.get(v)));
    expect(readBy).toEqual(new Set(['a', 'b']));
  });
});

describe.runIf(running('temporal'))('Temporal dev server', () => {
  it('answers the TypeScript client and has the default namespace', async () => {
    const connection = await Connection.connect({
      address: `localhost:${config.TEMPORAL_PORT}`,
      connectTimeout: 5_000,
    });
    try {
      const namespace = await connection.workflowService.describeNamespace({
        namespace: config.TEMPORAL_NAMESPACE,
      });
      expect(namespace.namespaceInfo?.name).toBe(config.TEMPORAL_NAMESPACE);
    } finally {
      await connection.close();
    }
  });
});

describe.runIf(running('clickhouse'))('clickhouse-server', () => {
  it('answers /ping and a query over HTTP', async () => {
    const base = `http://127.0.0.1:${config.CLICKHOUSE_HTTP_PORT}`;
    expect(await (await fetch(`${base}/ping`)).text()).toBe('Ok.\n');
    expect((await (await fetch(`${base}/?query=SELECT%201`)).text()).trim()).toBe('1');
  });
});

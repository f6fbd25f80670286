import { createKafka, createProducer, ensureTopics, topicNames, waitForLeaders } from '@wirewatch/kafka';
import { describe, expect, it } from 'vitest';
import { isolatedConfig } from './helpers/config.ts';

// Two processes starting together (a runtime and a bench, two workers) each make sure the topics exist.
// Whichever loses the creation race must still come back only once the topics can be used.
describe('ensureTopics on a real broker', () => {
  it('returns from concurrent calls only when every partition has a leader, and creates each topic once', async () => {
    const config = isolatedConfig('topics');
    const kafka = createKafka(config);
    const admins = [kafka.admin(), kafka.admin(), kafka.admin()];
    await Promise.all(admins.map((a) => a.connect()));
    try {
      const created = await Promise.all(admins.map((a) => ensureTopics(a, config.KAFKA_TOPIC_PREFIX, { rawPartitions: 4 })));
      const names = Object.values(topicNames(config.KAFKA_TOPIC_PREFIX));
      // No topic is reported created twice, and some caller created them (the others found them or lost the race).
      const reported = created.flat();
      expect(new Set(reported).size).toBe(reported.length);
      expect(reported.length).toBeGreaterThan(0);
      for (const name of reported) expect(names).toContain(name);
      const { topics } = await admins[0]!.fetchTopicMetadata({ topics: names });
      for (const t of topics) for (const p of t.partitions) expect(p.leader, `${t.name}/${p.partitionId}`).toBeGreaterThanOrEqual(0);
      expect(topics.find((t) => t.name === topicNames(config.KAFKA_TOPIC_PREFIX).raw)!.partitions).toHaveLength(4);
      // Usable at once: a fresh producer sends to it without a metadata retry.
      const producer = createProducer(kafka);
      await producer.connect();
      const [sent] = await producer.send({ topic: topicNames(config.KAFKA_TOPIC_PREFIX).raw, acks: -1, messages: [{ key: 'k', value: 'v' }] });
      expect(sent!.errorCode).toBe(0);
      await producer.disconnect();
    } finally {
      await Promise.all(admins.map((a) => a.disconnect()));
    }
  });

  it('names the topics that never got a leader', async () => {
    const config = isolatedConfig('topics-missing');
    const admin = createKafka(config).admin();
    await admin.connect();
    try {
      await expect(waitForLeaders(admin, [`${config.KAFKA_TOPIC_PREFIX}never.created`], 500)).rejects.toThrow(/never\.created.*not ready after 500 ms/);
    } finally {
      await admin.disconnect();
    }
  });
});

export { createKafka } from './client.ts';
export { createProducer, sendAcked, keyPartitioner, type TopicMessages } from './producer.ts';
export {
  TOPICS,
  MAX_MESSAGE_BYTES,
  topicNames,
  ensureTopics,
  waitForLeaders,
  topicOptionsOf,
  type TopicOptions,
  type TopicKey,
  type TopicNames,
} from './topics.ts';
export { BatchingProducer, ProduceError, type BatchingProducerOptions } from './batching-producer.ts';

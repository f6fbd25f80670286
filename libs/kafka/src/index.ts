export { createKafka } from './client.ts';
export { createProducer, sendAcked, type TopicMessages } from './producer.ts';
export { TOPICS, topicNames, ensureTopics, type TopicKey, type TopicNames } from './topics.ts';
export { BatchingProducer, ProduceError, type BatchingProducerOptions } from './batching-producer.ts';

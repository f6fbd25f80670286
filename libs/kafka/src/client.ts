import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { Config } from '@wirewatch/config';
import { createLogger, type Logger } from '@wirewatch/log';

const PINO_LEVEL: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * kafkajs warnings about choices made here on purpose (see createProducer): bounded retries on the idempotent
 * producer. Dropped so that real warnings stand out.
 */
const DELIBERATE = ['Limiting retries for the idempotent producer may invalidate EoS guarantees'];

/** Routes kafkajs's own logging into pino, as structured fields. */
function pinoLogCreator(logger: Logger) {
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      if (DELIBERATE.includes(message)) return;
      logger[PINO_LEVEL[level] ?? 'info']({ ...extra, kafkaNamespace: extra.namespace }, message);
    };
}

const KAFKAJS_LEVEL: Record<string, logLevel> = {
  fatal: logLevel.ERROR,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.WARN, // kafkajs is chatty at info (every connect, join, rebalance)
  debug: logLevel.DEBUG,
  trace: logLevel.DEBUG,
  silent: logLevel.NOTHING,
};

/** The one way wirewatch builds a Kafka client: brokers and client id from config, logs through pino. */
export function createKafka(
  config: Pick<Config, 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID' | 'LOG_LEVEL'>,
  options: { logger?: Logger; clientId?: string; overrides?: Partial<KafkaConfig> } = {},
): Kafka {
  const logger = options.logger ?? createLogger('kafka', config.LOG_LEVEL);
  return new Kafka({
    clientId: options.clientId ?? config.KAFKA_CLIENT_ID,
    brokers: config.KAFKA_BROKERS,
    connectionTimeout: 3000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 100, maxRetryTime: 5000, retries: 5 },
    logLevel: KAFKAJS_LEVEL[config.LOG_LEVEL] ?? logLevel.WARN,
    logCreator: pinoLogCreator(logger),
    ...options.overrides,
  });
}

import { pino, type Logger } from 'pino';

export type { Logger };

/** One JSON logger per process component; the level comes from config (LOG_LEVEL). */
export function createLogger(name: string, level: string = 'info'): Logger {
  return pino({ name, level, base: { service: name } }, pino.destination({ dest: 2, sync: false }));
}

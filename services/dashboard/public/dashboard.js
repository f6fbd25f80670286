// wirewatch operator dashboard: a small vanilla module, no build step.
// Report text is untrusted: every value reaches the page as a text node (textContent), never as HTML.

const body = document.body;
const REFRESH_MS = Number(body.dataset.refreshMs) || 5000;
const VIEWS = ['feed', 'escalation', 'stories', 'alerts', 'health'];
const COLORS = ['#c0392b', '#2471a3', '#b7950b', '#1e8449', '#7d3c98', '#ca6f1e', '#17a589', '#566573'];

/** Builds an element; string and number children become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const fmtTime = (t) => (t ? `${String(t).slice(0, 16)} UTC` : '—');
const fmtNum = (n) => (n === null || n === undefined ? '—' : Number(n).toLocaleString('en-US'));

async function api(path, init) {
  const res = await fetch(path, { credentials: 'same-origin', ...init });
  if (res.status === 401) {
    location.href = '/login';
    throw new Error('signed out');
  }
  const data = await res.json();
  if (!res.ok) throw new Error(data.message || `HTTP ${res.status}`);
  return data;
}

const rangeSelect = document.getElementById('range');
const statusLine = document.getElementById('status');
const range = () => rangeSelect.value;

/** Shows `text` with each number of `numbers` (as written, e.g. 10,000) marked. */
function highlightNumbers(text, numbers) {
  const wanted = new Set(numbers.filter((n) => n !== null && n !== undefined).map((n) => Number(n)));
  const out = [];
  let last = 0;
  for (const m of String(text).matchAll(/\d[\d,.]*\d|\d/g)) {
    if (!wanted.has(Number(m[0].replace(/,/g, '')))) continue;
    out.push(text.slice(last, m.index), el('mark', { class: 'qty' }, m[0]));
    last = m.index + m[0].length;
  }
  out.push(String(text).slice(last));
  return out;
}

const assertionBadge = (a) => el('span', { class: `assertion assertion-${a}`, title: `claim ${a}` }, a);
const codes = (list) => (Array.isArray(list) && list.length ? list.join(', ') : '—');

// ---- Signals (live feed) ----------------------------------------------------------------------

// Which cards have their score contributions open, so a refresh keeps them open.
const openContributions = new Set();

function renderFeed(section, data) {
  const list = el('div', { class: 'feed' });
  if (data.signals.length === 0) list.append(el('p', { class: 'empty' }, 'No escalation signals in this range.'));
  for (const s of data.signals) {
    const events = s.events.filter((e) => !e.negated);
    const troops = [s.troops, ...events.map((e) => e.troops), ...events.map((e) => e.quantity_value)];
    const maxPoints = Math.max(1, ...s.score_contributions.map((c) => Math.abs(c.points)));
    list.append(
      el(
        'article',
        { class: 'signal', 'data-report-id': s.report_id },
        el('div', { class: 'score', title: 'escalation score' }, Number(s.score).toFixed(1)),
        el(
          'div',
          { class: 'signal-body' },
          el('h3', { class: 'headline' }, s.headline),
          el(
            'p',
            { class: 'meta' },
            el('span', {}, s.source),
            ' · published ', fmtTime(s.published_at),
            ' · processed ', fmtTime(s.processed_at),
            s.version > 1 ? ` · version ${s.version}` : '',
            ' · ', `${s.independent_sources} independent source${Number(s.independent_sources) === 1 ? '' : 's'}`,
            s.syndicated ? ' · syndicated copy' : '',
          ),
          el(
            'p',
            { class: 'facts' },
            el('span', { class: 'label' }, 'Actors '), el('span', { class: 'actors' }, codes(s.actors)),
            el('span', { class: 'label' }, ' Troops '), el('span', { class: 'troops' }, fmtNum(s.troops)),
            el('span', { class: 'label' }, ' Events '), codes(s.event_types),
            s.hedged ? el('span', { class: 'hedged' }, ' hedged') : '',
          ),
          el('blockquote', { class: 'evidence' }, el('mark', {}, ...highlightNumbers(s.evidence, troops))),
          events.length
            ? el(
                'table',
                { class: 'events' },
                el('thead', {}, el('tr', {}, el('th', {}, 'event'), el('th', {}, 'who → whom'), el('th', {}, 'troops'), el('th', {}, 'claim'), el('th', {}, 'evidence'))),
                el(
                  'tbody',
                  {},
                  events.map((e) =>
                    el(
                      'tr',
                      { class: `claim-${e.assertion}` },
                      el('td', {}, e.type, e.mode ? ` (${e.mode})` : ''),
                      el('td', {}, `${codes(e.actors)} → ${codes(e.targets)}`),
                      el('td', { class: 'num' }, fmtNum(e.troops)),
                      el('td', {}, assertionBadge(e.assertion), e.background ? el('span', { class: 'background', title: 'dated well before the news: recalled, weighed down in the score' }, ' background') : ''),
                      el('td', { class: 'evidence-cell' }, ...highlightNumbers(e.evidence, [e.troops, e.quantity_value])),
                    ),
                  ),
                ),
              )
            : '',
          el(
            'details',
            { class: 'contributions', open: openContributions.has(s.report_id), ontoggle: (e) => (e.target.open ? openContributions.add(s.report_id) : openContributions.delete(s.report_id)) },
            el('summary', {}, 'Score contributions'),
            el(
              'ul',
              {},
              s.score_contributions.map((c) => {
                const bar = el('span', { class: c.points < 0 ? 'bar negative' : 'bar' });
                bar.style.width = `${(Math.abs(c.points) / maxPoints) * 100}%`;
                return el('li', {}, el('span', { class: 'factor' }, c.factor), el('span', { class: 'points' }, c.points.toFixed(1)), el('span', { class: 'track' }, bar), c.detail ? el('span', { class: 'detail' }, c.detail) : '');
              }),
            ),
          ),
        ),
      ),
    );
  }
  section.replaceChildren(el('h2', {}, 'Escalation signals'), el('p', { class: 'hint' }, `Reports scoring ${data.signalMinScore} or more, newest first.`), list);
}

// ---- Escalation over time ---------------------------------------------------------------------

const charts = new Map();
const escalationState = { metric: 'max_score', actor: '', target: '', conflict: '' };

function drawChart(holder, key, set, metric) {
  charts.get(key)?.destroy();
  charts.delete(key);
  holder.replaceChildren();
  if (set.series.length === 0) {
    holder.append(el('p', { class: 'empty' }, 'No escalation in this range.'));
    return;
  }
  const width = Math.max(320, holder.clientWidth || 800);
  const opts = {
    width,
    height: 260,
    scales: { x: { time: true } },
    axes: [{}, { label: metric === 'max_score' ? 'max score' : 'events' }],
    series: [
      {},
      ...set.series.map((s, i) => ({
        label: s.label,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        points: { show: true, size: 6 },
        spanGaps: false,
      })),
    ],
  };
  const data = [set.x, ...set.series.map((s) => s[metric])];
  // uPlot is loaded from node_modules by the page (a classic script, global `uPlot`).
  charts.set(key, new window.uPlot(opts, data, holder));
}

function mountEscalation(section) {
  const input = (name, placeholder) =>
    el('input', { name, placeholder, size: 10, value: escalationState[name], onchange: (e) => { escalationState[name] = e.target.value.trim().toUpperCase(); refresh(); } });
  section.replaceChildren(
    el('h2', {}, 'Escalation over time'),
    el(
      'form',
      { class: 'filters', onsubmit: (e) => e.preventDefault() },
      el('label', {}, 'Metric ', el('select', { name: 'metric', onchange: (e) => { escalationState.metric = e.target.value; lastDrawn.delete('escalation'); refresh(); } }, el('option', { value: 'max_score' }, 'max score'), el('option', { value: 'events' }, 'events'))),
      el('label', {}, 'Actor ', input('actor', 'e.g. RUS')),
      el('label', {}, 'Target ', input('target', 'e.g. UKR')),
      el('label', {}, 'Conflict ', input('conflict', 'e.g. RUS-UKR')),
    ),
    el('h3', {}, 'Per actor pair ', el('span', { class: 'bucket' })),
    el('div', { class: 'chart', id: 'chart-pairs' }),
    el('h3', {}, 'Per conflict ', el('span', { class: 'bucket' })),
    el('div', { class: 'chart', id: 'chart-conflicts' }),
    el('h3', {}, 'Top actor pairs in the range'),
    el('div', { id: 'top-pairs' }),
  );
}

function renderEscalation(section, data) {
  if (!section.querySelector('#chart-pairs')) mountEscalation(section);
  const bucket = data.bucketHours === 1 ? '(hourly)' : data.bucketHours === 24 ? '(daily)' : `(${data.bucketHours}-hour buckets)`;
  for (const span of section.querySelectorAll('.bucket')) span.textContent = bucket;
  drawChart(section.querySelector('#chart-pairs'), 'pairs', data.pairs, escalationState.metric);
  drawChart(section.querySelector('#chart-conflicts'), 'conflicts', data.conflicts, escalationState.metric);
  section.querySelector('#top-pairs').replaceChildren(
    table(['actor', 'target', 'events', 'before', 'reports', 'top score'], data.top.map((r) => [r.actor, r.target, r.events_in_window, r.events_before, r.reports_in_window, r.top_score])),
  );
}

function table(headers, rows, rowAttrs = () => ({})) {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows.map((cells, i) => el('tr', rowAttrs(i), cells.map((c) => el('td', {}, c instanceof Node ? c : c ?? '—'))))
      : el('tr', {}, el('td', { colspan: headers.length, class: 'empty' }, 'nothing in this range'))),
  );
}

// ---- Stories ----------------------------------------------------------------------------------

const openStories = new Set();

function toggleStory(id) {
  if (openStories.has(id)) openStories.delete(id);
  else openStories.add(id);
  lastDrawn.delete('stories');
  refresh();
}

async function renderStories(section, data) {
  const rows = [];
  for (const s of data.stories) {
    rows.push(
      el(
        'tr',
        { class: 'story', 'data-story-id': s.story_id, onclick: () => toggleStory(s.story_id) },
        el('td', { class: 'headline' }, s.headline),
        el('td', { class: 'num independent' }, s.independent_sources),
        el('td', { class: 'num' }, s.syndicated_copies),
        el('td', { class: 'num' }, s.reports),
        el('td', {}, codes(s.sources)),
        el('td', {}, fmtTime(s.first_seen)),
        el('td', {}, fmtTime(s.last_updated)),
      ),
    );
    if (openStories.has(s.story_id)) {
      const detail = await api(`/api/stories/${encodeURIComponent(s.story_id)}`);
      rows.push(
        el('tr', { class: 'story-detail' }, el('td', { colspan: 7 },
          table(['report', 'source', 'how it joined', 'published', 'headline'], detail.reports.map((r) => [
            `${r.report_id} v${r.version}`, r.source, el('span', { class: `kind kind-${r.kind}` }, r.kind.replace('_', ' ')), fmtTime(r.published_at), r.headline,
          ])))),
      );
    }
  }
  section.replaceChildren(
    el('h2', {}, 'Stories'),
    el('p', { class: 'hint' }, 'Reports grouped into stories. Syndicated copies are not independent sources. Click a story for its reports.'),
    el('table', { class: 'stories' },
      el('thead', {}, el('tr', {}, ['story', 'independent sources', 'syndicated copies', 'reports', 'sources', 'first seen', 'last updated'].map((h) => el('th', {}, h)))),
      el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 7, class: 'empty' }, 'No stories in this range.')))),
  );
}

// ---- Alerts -----------------------------------------------------------------------------------

// The outcome of the last action stays on the status line for a while, beside the refresh time.
let notice = '';
let noticeUntil = 0;

async function alertAction(alertId, action) {
  try {
    await api(`/api/alerts/${encodeURIComponent(alertId)}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    notice = `${action === 'ack' ? 'acknowledged' : 'resolved'} ${alertId}`;
  } catch (err) {
    notice = `could not ${action === 'ack' ? 'acknowledge' : 'resolve'} ${alertId}: ${err.message}`;
  }
  noticeUntil = Date.now() + 15_000;
  lastDrawn.delete('alerts');
  refresh();
}

function renderAlerts(section, data) {
  if (!data.configured) {
    section.replaceChildren(el('h2', {}, 'Alerts'), el('p', { class: 'empty', id: 'no-alerting' }, 'no alerting configured'));
    return;
  }
  const rows = data.alerts.map((a) => [
    el('span', { class: `status status-${a.status}` }, a.status),
    el('span', { class: `severity severity-${a.severity}` }, a.severity),
    a.rule_id,
    a.group_key,
    a.evidence_status,
    fmtTime(a.opened_at),
    fmtTime(a.updated_at),
    a.last_by,
    el('span', { class: 'actions' },
      data.actions && a.status === 'open' ? el('button', { type: 'button', 'data-action': 'ack', onclick: () => alertAction(a.alert_id, 'ack') }, 'Acknowledge') : '',
      data.actions && a.status !== 'resolved' ? el('button', { type: 'button', 'data-action': 'resolve', onclick: () => alertAction(a.alert_id, 'resolve') }, 'Resolve') : ''),
  ]);
  section.replaceChildren(
    el('h2', {}, 'Alerts'),
    table(['status', 'severity', 'rule', 'group', 'evidence', 'opened', 'updated', 'by', ''], rows, (i) => ({ class: 'alert', 'data-alert-id': data.alerts[i].alert_id })),
  );
}

// ---- Pipeline health --------------------------------------------------------------------------

function card(title, result, render) {
  return el('div', { class: 'card' }, el('h3', {}, title), result.ok ? render(result.value) : el('p', { class: 'error' }, result.error));
}

function renderHealth(section, data) {
  const throughputChart = el('div', { class: 'chart small', id: 'chart-throughput' });
  section.replaceChildren(
    el('h2', {}, 'Pipeline health'),
    el('div', { class: 'cards' },
      card('Throughput (last hour)', data.throughput, (rows) => {
        const total = rows.reduce((n, r) => n + Number(r.reports), 0);
        return el('div', {}, el('p', { class: 'big' }, fmtNum(total), el('span', { class: 'unit' }, ' reports')), el('p', { class: 'hint' }, `${fmtNum(rows.reduce((n, r) => n + Number(r.signals), 0))} signals`), throughputChart);
      }),
      card('Kafka consumer lag (dispatcher)', data.consumerLag, (lag) =>
        el('div', {}, el('p', { class: 'big', id: 'consumer-lag' }, fmtNum(lag.total), el('span', { class: 'unit' }, ' messages behind')),
          table(['partition', 'committed', 'end', 'lag'], lag.partitions.map((p) => [p.partition, p.committed, p.end, p.lag])))),
      card('Ingest → visible lag', data.lag, (rows) => {
        const r = rows[0] || {};
        return table(['reports', 'p50', 'p90', 'p95', 'p99', 'max'], [[fmtNum(r.reports), ...['p50_ms', 'p90_ms', 'p95_ms', 'p99_ms', 'max_ms'].map((k) => (r[k] === undefined ? '—' : `${fmtNum(r[k])} ms`))]]);
      }),
      card('Failed batch workflows', data.failedWorkflows, (f) =>
        el('div', {}, el('p', { class: f.count > 0 ? 'big bad' : 'big' }, fmtNum(f.count)), f.recent.length ? table(['workflow', 'closed'], f.recent.map((w) => [w.workflowId, w.closedAt ?? '—'])) : '')),
      card('Dead letters by reason', data.deadLetters, (rows) => table(['reason', 'step', 'letters', 'last'], rows.map((r) => [r.reason, r.step, r.letters, fmtTime(r.last_at)]))),
      card('Latest dead letters', data.recentDeadLetters, (rows) => table(['when', 'where', 'reason', 'detail'], rows.map((r) => [fmtTime(r.dead_lettered_at), `${r.topic}/${r.partition}@${r.offset}`, r.reason, String(r.detail).slice(0, 120)]))),
    ),
  );
  if (data.throughput.ok && data.throughput.value.length > 0) {
    const rows = data.throughput.value;
    const opts = { width: Math.max(280, throughputChart.clientWidth || 360), height: 140, scales: { x: { time: true } }, legend: { show: false },
      series: [{}, { label: 'reports/min', stroke: COLORS[1], fill: 'rgba(36,113,163,0.15)' }] };
    charts.get('throughput')?.destroy();
    charts.set('throughput', new window.uPlot(opts, [rows.map((r) => Date.parse(`${r.minute.replace(' ', 'T')}Z`) / 1000), rows.map((r) => Number(r.reports))], throughputChart));
  }
}

// ---- Routing and refresh ----------------------------------------------------------------------

const RENDER = { feed: renderFeed, escalation: renderEscalation, stories: renderStories, alerts: renderAlerts, health: renderHealth };

function endpoint(view) {
  const params = new URLSearchParams({ range: range() });
  if (view === 'escalation') for (const k of ['actor', 'target', 'conflict']) if (escalationState[k]) params.set(k, escalationState[k]);
  return `/api/${view === 'feed' ? 'feed' : view}?${params}`;
}

const currentView = () => (VIEWS.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'feed');
let timer = null;
let loading = false;
let again = false;
const lastDrawn = new Map();

async function refresh() {
  clearTimeout(timer);
  const view = currentView();
  for (const v of VIEWS) document.getElementById(`view-${v}`).hidden = v !== view;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === view);
  if (loading) {
    again = true;
    return;
  }
  loading = true;
  try {
    const shown = range();
    const data = await api(endpoint(view));
    // Unchanged data is not drawn again, so the page stays still (open details, selection, scroll).
    const text = JSON.stringify(data);
    if (view === currentView() && text !== lastDrawn.get(view)) {
      await RENDER[view](document.getElementById(`view-${view}`), data);
      lastDrawn.set(view, text);
    }
    const updated = `updated ${new Date().toISOString().slice(11, 19)} UTC`;
    statusLine.textContent = Date.now() < noticeUntil ? `${notice} · ${updated}` : updated;
    body.dataset.loaded = `${view}:${shown}`;
    if (shown !== range()) again = true;
  } catch (err) {
    statusLine.textContent = `update failed: ${err.message}`;
  } finally {
    loading = false;
  }
  if (again) {
    again = false;
    return refresh();
  }
  // Views refresh themselves while the page is visible.
  timer = setTimeout(() => { if (!document.hidden) refresh(); else timer = setTimeout(refresh, REFRESH_MS); }, REFRESH_MS);
}

window.addEventListener('hashchange', refresh);
rangeSelect.addEventListener('change', refresh);
document.addEventListener('visibilitychange', () => { if (!document.hidden) refresh(); });
refresh();

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, type Issue, type Result } from './issues.ts';
import { parseNativeReport, type NativeReport } from './report.ts';
import { toPlainBlock, toPlainLine } from './text.ts';

/** One entry of an RSS 2.0 or Atom feed, with the fields wirewatch maps; `raw` is the parsed XML element. */
export interface FeedItem {
  kind: 'rss' | 'atom';
  id?: string;
  link?: string;
  title?: string;
  summary?: string;
  content?: string;
  published?: string;
  updated?: string;
  author?: string;
  categories: string[];
  raw: unknown;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom';
  title?: string;
  language?: string;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Only the built-in XML entities; no DOCTYPE-declared entities, so no entity-expansion attacks.
  processEntities: false,
  htmlEntities: false,
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author'].includes(name),
});

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text of an element that may be a plain string or an object with attributes and `#text`. */
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return decodeXmlEntities(value);
  if (typeof value === 'number') return String(value);
  if (isNode(value) && value['#text'] !== undefined) return textOf(value['#text']);
  return undefined;
}

// processEntities is off (see parser options), so the five predefined XML entities and numeric references
// are decoded here; anything else stays as written and is handled by the HTML-to-text step.
function decodeXmlEntities(value: string): string {
  return value.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (whole, name: string) => {
    if (name === 'lt') return '<';
    if (name === 'gt') return '>';
    if (name === 'quot') return '"';
    if (name === 'apos') return "'";
    if (name === 'amp') return '&';
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const nonEmpty = (s: string | undefined): string | undefined =>
  s !== undefined && s.trim() !== '' ? s : undefined;
const list = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function rssItem(node: Node): FeedItem {
  const item: FeedItem = { kind: 'rss', categories: [], raw: node };
  const set = <K extends keyof FeedItem>(key: K, value: FeedItem[K] | undefined) => {
    if (value !== undefined) item[key] = value;
  };
  set('id', nonEmpty(textOf(node.guid)));
  set('link', nonEmpty(textOf(node.link)));
  set('title', nonEmpty(textOf(node.title)));
  set('summary', nonEmpty(textOf(node.description)));
  set('content', nonEmpty(textOf(node['content:encoded'])));
  set('published', nonEmpty(textOf(node.pubDate) ?? textOf(node['dc:date'])));
  set('author', nonEmpty(textOf(node['dc:creator']) ?? textOf(node.author)));
  item.categories = list(node.category)
    .map(textOf)
    .filter((c): c is string => nonEmpty(c) !== undefined);
  return item;
}

function atomLink(node: Node): string | undefined {
  const links = list(node.link).filter(isNode);
  const alternate = links.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? links[0];
  const href = alternate?.['@_href'];
  return typeof href === 'string' ? nonEmpty(decodeXmlEntities(href)) : undefined;
}

function atomItem(node: Node): FeedItem {
  const item: FeedItem = { kind: 'atom', categories: [], raw: node };
  const set = <K extends keyof FeedItem>(key: K, value: FeedItem[K] | undefined) => {
    if (value !== undefined) item[key] = value;
  };
  set('id', nonEmpty(textOf(node.id)));
  set('link', atomLink(node));
  set('title', nonEmpty(textOf(node.title)));
  set('summary', nonEmpty(textOf(node.summary)));
  set('content', nonEmpty(textOf(node.content)));
  set('published', nonEmpty(textOf(node.published)));
  set('updated', nonEmpty(textOf(node.updated)));
  const authors = list(node.author)
    .filter(isNode)
    .map((a) => textOf(a.name))
    .filter((a) => a !== undefined);
  set('author', nonEmpty(authors.join(', ')));
  item.categories = list(node.category)
    .filter(isNode)
    .map((c) => (typeof c['@_label'] === 'string' ? c['@_label'] : c['@_term']))
    .filter((c): c is string => typeof c === 'string' && c.trim() !== '')
    .map(decodeXmlEntities);
  return item;
}

/** Parses an RSS 2.0 or Atom 1.0 document. Malformed XML or another format is an error, not an empty feed. */
export function parseFeed(xml: string): Result<ParsedFeed> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return fail([{ path: `line ${valid.err.line}`, message: `malformed XML: ${valid.err.msg}` }]);
  }
  const doc: unknown = parser.parse(xml);
  if (!isNode(doc)) return fail([{ path: '$', message: 'empty XML document' }]);
  if (isNode(doc.rss) && isNode(doc.rss.channel)) {
    const channel = doc.rss.channel;
    const feed: ParsedFeed = { kind: 'rss', items: list(channel.item).filter(isNode).map(rssItem) };
    const title = nonEmpty(textOf(channel.title));
    const language = nonEmpty(textOf(channel.language));
    if (title !== undefined) feed.title = title;
    if (language !== undefined) feed.language = language;
    return { ok: true, value: feed };
  }
  if (isNode(doc.feed)) {
    const root = doc.feed;
    const feed: ParsedFeed = { kind: 'atom', items: list(root.entry).filter(isNode).map(atomItem) };
    const title = nonEmpty(textOf(root.title));
    const language = typeof root['@_xml:lang'] === 'string' ? root['@_xml:lang'] : undefined;
    if (title !== undefined) feed.title = title;
    if (language !== undefined) feed.language = language;
    return { ok: true, value: feed };
  }
  return fail([{ path: '$', message: 'not an RSS 2.0 (<rss><channel>) or Atom (<feed>) document' }]);
}

/** RSS uses RFC 822 dates, Atom RFC 3339; both become UTC ISO 8601, or undefined when unreadable. */
function feedDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Language codes in feeds are often `en-us`; keep only well-formed tags. */
function feedLanguage(value: string | undefined): string | undefined {
  return value !== undefined && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value.trim())
    ? value.trim()
    : undefined;
}

/** Maps one feed item to a native report of the feed's configured source. */
export function feedItemToNative(
  item: FeedItem,
  source: string,
  feedLanguageTag?: string,
): Result<NativeReport> {
  const issues: Issue[] = [];
  const published = feedDate(item.published) ?? feedDate(item.updated);
  if (published === undefined)
    issues.push({ path: '$.published', message: 'item has no readable publication date' });
  if (item.title === undefined) issues.push({ path: '$.title', message: 'item has no title' });
  if (item.id === undefined && item.link === undefined) {
    issues.push({ path: '$.id', message: 'item has neither an id (guid/id) nor a link' });
  }
  if (issues.length > 0) return fail(issues);
  const native: Record<string, unknown> = {
    source,
    source_id: item.id,
    url: item.link,
    published_at: published,
    headline: toPlainLine(item.title ?? ''),
    body: toPlainBlock(item.content ?? item.summary ?? ''),
    summary:
      item.content !== undefined && item.summary !== undefined ? toPlainBlock(item.summary) : undefined,
    versioncreated: item.kind === 'atom' ? feedDate(item.updated) : undefined,
    byline: item.author,
    language: feedLanguage(feedLanguageTag),
    subjects: item.categories.length > 0 ? item.categories : undefined,
  };
  for (const key of Object.keys(native)) if (native[key] === undefined) delete native[key];
  return parseNativeReport(native);
}

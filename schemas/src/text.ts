import { convert, type HtmlToTextOptions } from 'html-to-text';

// Markup is turned into text by a real HTML parser (htmlparser2 under html-to-text), never by regexes alone:
// scripts, styles and embedded objects are dropped with their content; links keep their text only.
const HTML_TO_TEXT: HtmlToTextOptions = {
  wordwrap: false,
  decodeEntities: true,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'object', format: 'skip' },
    { selector: 'embed', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'head', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
};

// Cheap gate only (not a stripper): text without anything tag- or entity-like is returned untouched,
// so ordinary wire copy such as "casualties < 10" is not run through the HTML parser at all.
const LOOKS_LIKE_MARKUP = /<[a-zA-Z/!?]|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/;

/** Converts HTML to plain text; returns plain text unchanged. */
export function htmlToPlainText(value: string): string {
  if (!LOOKS_LIKE_MARKUP.test(value)) return value;
  return convert(value, HTML_TO_TEXT);
}

/** Plain text for a one-line field (headline, byline): markup removed, whitespace collapsed. */
export function toPlainLine(value: string): string {
  return htmlToPlainText(value).replace(/\s+/g, ' ').trim();
}

/** Plain text for a multi-line field (body, summary): markup removed, line structure kept, ends trimmed. */
export function toPlainBlock(value: string): string {
  return htmlToPlainText(value)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

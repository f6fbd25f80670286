/**
 * Character-level clean-up: Unicode compatibility forms, quotes, dashes, invisible characters
 * and whitespace. Paragraph structure is kept (blank lines) because sentence splitting and
 * boilerplate removal work per paragraph.
 */

// Typographic variants mapped to one form each, so matching downstream needs one pattern, not five.
const CHAR_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2212': '-',
  '\u2012': '\u2013', '\u2015': '\u2014',
  '\u2026': '...',
  // Invisible characters that split words for no visible reason.
  '\u00AD': '', '\u200B': '', '\u200C': '', '\u200D': '', '\u2060': '', '\uFEFF': '',
};
const CHAR_RE = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u201C-\u201F\u2033\u00AB\u00BB\u2010\u2011\u2212\u2012\u2015\u2026\u00AD\u200B-\u200D\u2060\uFEFF\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
// Plain printable ASCII (with tabs and line breaks) needs no work at all: the common case, tested first.
const NEEDS_CLEANING_RE = /[^\x09\x0A\x0D\x20-\x7E]/;

// NFKC leaves ASCII, precomposed Latin-1 letters and the typographic punctuation mapped below
// unchanged; only text with other characters pays for it.
const NEEDS_NFKC_RE = /[^\x00-\x7F\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2026]/;

/** NFKC plus the typographic map; control characters become spaces. */
export function cleanCharacters(text: string): string {
  if (!NEEDS_CLEANING_RE.test(text)) return text;
  const nfkc = NEEDS_NFKC_RE.test(text) ? text.normalize('NFKC') : text;
  return nfkc.replace(CHAR_RE, (c) => CHAR_MAP[c] ?? ' ');
}

const ODD_LINE_BREAK_RE = /\r\n?|[\u2028\u2029\u0085]/g;
const HAS_ODD_LINE_BREAK_RE = /[\r\u2028\u2029\u0085]/;
// Runs of two or more spaces, or any other horizontal whitespace. Single plain spaces are left
// alone: replacing each one with itself is the expensive part of a naive collapse.
const SPACES_RE = /[ \t]{2,}|[\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000][ \t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*/g;
const SPACE_RUN_RE = / {2,}/g;
// A single line break ends a paragraph when the line ends a sentence; otherwise it is a hard wrap.
const SENTENCE_END_CHARS = new Set(['.', '!', '?', ':', '"', "'", ')', ']', '\u3002']);

/** Splits text into paragraphs with collapsed whitespace; hard-wrapped lines are re-joined. */
export function toParagraphs(text: string): string[] {
  let t = HAS_ODD_LINE_BREAK_RE.test(text) ? text.replace(ODD_LINE_BREAK_RE, '\n') : text;
  t = t.replace(SPACES_RE, ' ');
  const out: string[] = [];
  let current = '';
  for (const rawLine of t.split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      // A blank line always ends the paragraph.
      if (current !== '') out.push(current);
      current = '';
      continue;
    }
    current = current === '' ? line : `${current} ${line}`;
    if (SENTENCE_END_CHARS.has(line[line.length - 1]!)) {
      out.push(current);
      current = '';
    }
  }
  if (current !== '') out.push(current);
  // Joining wrapped lines may have produced double spaces.
  return out.map((p) => (p.includes('  ') ? p.replace(SPACE_RUN_RE, ' ') : p));
}

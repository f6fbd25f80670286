/**
 * Removal of text that is about the publication rather than the event: datelines, bylines and
 * web furniture. Syndicated copies of one wire story differ mostly in exactly these parts, so
 * stripping them is what lets dedupe see the copies as the same text.
 */

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DASH = '(?:-{1,2}|\u2013|\u2014)';
// "KYIV (Reuters) -", "SEOUL, Oct 21 (AP) —", "Kyiv, Ukraine (AFP) --": a short place, optional date,
// and a parenthesised agency, then a dash.
const AGENCY_DATELINE_RE = new RegExp(
  `^[A-Z][^\\n()]{0,60}?\\((?:[A-Z][A-Za-z.&'/ ]{0,40})\\)\\s*(?:${DASH}|:)\\s*`,
);
// "KYIV, Ukraine —", "WASHINGTON, Oct. 21 —", "NEW YORK -": a capitalised place, optional region and date.
const CAPS_DATELINE_RE = new RegExp(
  `^[A-Z][A-Z.'\\- ]*[A-Z.](?:,\\s*[A-Z][A-Za-z.' ]{1,30}){0,2}(?:,?\\s*${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?)?\\s*${DASH}\\s+`,
);
const NAME = "[A-Z][A-Za-z.'\\-]*";
const NAMES = `${NAME}(?: ${NAME}){0,3}`;
// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE | Associated Press".
const BYLINE_PARAGRAPH_RE = new RegExp(
  `^By ${NAMES}(?:(?:,| and| &) ${NAMES})*(?:\\s*[,|\u2013\u2014-]\\s*[A-Za-z. ]{0,40})?$`,
);
// A byline run into the dateline on one line: "By Jane Doe KYIV (Reuters) - ...".
const BYLINE_PREFIX_RE = new RegExp(`^By ${NAMES}(?:(?:,| and| &) ${NAMES})*\\s+(?=[A-Z]{2,}[ ,(])`);

// Whole paragraphs of web furniture. Matched only against short paragraphs so a real sentence that
// happens to start with "Follow" is never dropped.
const BOILERPLATE_PARAGRAPH_RE = new RegExp(
  [
    '^read (?:more|next|also|the full story)\\b',
    '^(?:related|more|see also|also read|recommended|advertisement|sponsored|share this (?:article|story))\\b:?',
    '^click here\\b',
    '^sign up\\b',
    '^subscribe\\b',
    '^(?:follow|like) us\\b',
    '^(?:download|get) (?:the|our) app\\b',
    '^(?:\\(?reporting|\\(?additional reporting|\\(?writing|\\(?editing|\\(?compiled) by\\b',
    '\\bcontributed (?:to )?(?:this )?(?:report|reporting|story)\\b',
    '^(?:\u00A9|\\(c\\)|copyright)\\b',
    '\\ball rights reserved\\b',
    '^this (?:article|story) (?:was|has been|first) (?:originally )?(?:published|updated|appeared)\\b',
    '^(?:updated|published|last updated):? ',
  ].join('|'),
  'i',
);
const BOILERPLATE_MAX_CHARS = 200;
// Trailing furniture glued to the last sentence: "... the pact. Read More".
const TRAILING_FURNITURE_RE = /\s+(?:Read More|Read more|Continue reading|Show more|See more)\.?$/;
const TRAILING_FURNITURE_MAX_CHARS = 24;

export function isBoilerplateParagraph(p: string): boolean {
  return p.length <= BOILERPLATE_MAX_CHARS && BOILERPLATE_PARAGRAPH_RE.test(p);
}

export function isBylineParagraph(p: string): boolean {
  return p.length <= 120 && BYLINE_PARAGRAPH_RE.test(p);
}

/** Strips a leading byline and dateline from the first paragraph of a field. */
export function stripDateline(p: string): string {
  const afterByline = p.replace(BYLINE_PREFIX_RE, '');
  const stripped = afterByline.replace(AGENCY_DATELINE_RE, '');
  if (stripped !== afterByline) return stripped;
  return afterByline.replace(CAPS_DATELINE_RE, '');
}

/** Drops bylines and web furniture, and strips the dateline of the first remaining paragraph. */
export function stripBoilerplate(paragraphs: string[]): string[] {
  const kept: string[] = [];
  for (const p of paragraphs) {
    if (isBylineParagraph(p) || isBoilerplateParagraph(p)) continue;
    const clean = kept.length === 0 ? stripDateline(p) : p;
    // Only the tail can hold the furniture: test it alone rather than scan the whole paragraph.
    const tailStart = Math.max(0, clean.length - TRAILING_FURNITURE_MAX_CHARS);
    const tail = clean.slice(tailStart);
    const trimmed = TRAILING_FURNITURE_RE.test(tail) ? clean.slice(0, tailStart) + tail.replace(TRAILING_FURNITURE_RE, '') : clean;
    if (trimmed !== '') kept.push(trimmed);
  }
  return kept;
}

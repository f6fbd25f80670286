/**
 * The small pattern language the event lexicon is written in, compiled once to regular expressions.
 *
 *   `@send`        every inflection of a verb lemma: send|sends|sending|sent
 *   `~3`           up to three intervening words (never crossing a comma or clause punctuation)
 *   `!to|by`       the next word is none of these ("close to the border" is not closing it)
 *   a space        one or more whitespace characters
 *   anything else  a regular-expression fragment, matched case-insensitively
 *
 * The first token of a trigger pattern is its anchor: `@lemma`s and plain words separated by `|`
 * (`_` for a space inside one). A sentence is split into words once; only the triggers whose anchor
 * starts with a word found are tried, each as a sticky expression at that word. That keeps
 * classification linear in the text instead of proportional to the size of the lexicon.
 */

export interface Inflections {
  /** lemma → extra forms (past, participle…) that the regular rules would get wrong. */
  irregular: Record<string, string[]>;
  /** Lemmas whose final consonant doubles before -ed/-ing (ban → banned). */
  double: string[];
}

export function inflect(lemma: string, rules: Inflections): string[] {
  const forms = new Set<string>([lemma]);
  const irregular = rules.irregular[lemma];
  if (irregular) irregular.forEach((f) => forms.add(f));
  // Multi-word lemmas ("call off") inflect their first word only.
  const space = lemma.indexOf(' ');
  if (space > 0) {
    const head = lemma.slice(0, space);
    const rest = lemma.slice(space);
    return [...new Set([...inflect(head, rules).map((h) => h + rest), ...forms])];
  }
  if (rules.double.includes(lemma)) {
    const last = lemma.slice(-1);
    forms.add(lemma + 's').add(lemma + last + 'ed').add(lemma + last + 'ing');
  } else if (/[^aeiou]y$/.test(lemma)) {
    const stem = lemma.slice(0, -1);
    forms.add(stem + 'ies').add(stem + 'ied').add(lemma + 'ing');
  } else if (lemma.endsWith('ee')) {
    forms.add(lemma + 's').add(lemma + 'd').add(lemma + 'ing');
  } else if (lemma.endsWith('e')) {
    forms.add(lemma + 's').add(lemma + 'd').add(lemma.slice(0, -1) + 'ing');
  } else if (/(?:s|sh|ch|x|z)$/.test(lemma)) {
    forms.add(lemma + 'es').add(lemma + 'ed').add(lemma + 'ing');
  } else {
    forms.add(lemma + 's').add(lemma + 'ed').add(lemma + 'ing');
  }
  return [...forms];
}

// A word (Latin letters with diacritics too: "attaché", "Erdoğan"), or a number with its separators and currency sign
// ("25,000", "$50,000").
const WORD = `(?:[$€£]?\\d[\\d,.]*|[\\w\\u00C0-\\u024F'’“”"‘.\\-]+)`;

/** Split a pattern on spaces that are not inside parentheses or brackets. */
function tokens(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of pattern.trim()) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ' ' && depth === 0) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

function expandLemmas(token: string, rules: Inflections): string {
  return token.replace(/@([a-z][a-z-]*(?:_[a-z]+)*)/g, (_m, lemma: string) => {
    const forms = inflect(lemma.replace(/_/g, ' '), rules).sort((a, b) => b.length - a.length);
    return `(?:${forms.map(escapeWord).join('|')})`;
  });
}

/** True when `token` has a `|` outside any group, so it must be wrapped before concatenation. */
function hasTopLevelAlternation(token: string): boolean {
  let depth = 0;
  for (const ch of token) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

function expandToken(token: string, rules: Inflections): string {
  const source = expandLemmas(token, rules).replace(/ /g, '\\s+');
  return hasTopLevelAlternation(token) ? `(?:${source})` : source;
}

/** The anchor token: `|`-separated `@lemma`s and words, `_` standing for a space inside a word. */
function anchorParts(token: string, rules: Inflections): string[] {
  return token.split('|').flatMap((part) => {
    if (part.startsWith('@')) return inflect(part.slice(1).replace(/_/g, ' '), rules);
    if (!/^[A-Za-z'’\-_]+$/.test(part)) throw new Error(`event lexicon: bad anchor word "${part}"`);
    return [part.replace(/_/g, ' ')];
  });
}

/** Regular-expression source for a whole pattern. */
export function patternSource(pattern: string, rules: Inflections): string {
  const parts = tokens(pattern);
  let source = '';
  parts.forEach((token, i) => {
    const gap = /^~(\d+)$/.exec(token);
    if (gap) {
      source += `(?:${WORD}\\s+){0,${gap[1]}}`;
      return;
    }
    const notNext = /^!([a-z'|-]+)$/.exec(token);
    if (i > 0 && notNext) {
      source += `(?!(?:${notNext[1]})(?![\\w'’]))`;
      return;
    }
    if (token.startsWith('!')) throw new Error(`event lexicon: bad "!" token "${token}" in "${pattern}" (lower-case words separated by |, after the anchor)`);
    if (i === 0) {
      const words = anchorParts(token, rules).sort((a, b) => b.length - a.length);
      source += `(?:${words.map(escapeWord).join('|')})`;
    } else source += expandToken(token, rules);
    if (i < parts.length - 1) source += '\\s+';
  });
  // Whole words only: the match may not stop in the middle of a word ("Russia's"), but may before a closing quote
  // ("would take 'all necessary measures'").
  return source + "(?!\\w|['’]\\w)";
}

/** The literal words an anchor token stands for, lower-cased, single-spaced. */
export function anchorWords(pattern: string, rules: Inflections): string[] {
  return anchorParts(tokens(pattern)[0] ?? '', rules).map((w) => w.toLowerCase());
}

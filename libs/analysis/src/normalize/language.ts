/**
 * A small, fast language detector: the writing system decides most languages (Cyrillic, Arabic,
 * Hangul, Han, …); for Latin script, counts of very common function words decide between English
 * and the other major European languages. It looks at a bounded prefix only, so cost does not grow
 * with report length.
 */

const SAMPLE_CHARS = 1000;
// Below this many letters (after sampling) the script decision is not trusted.
const MIN_SCRIPT_LETTERS = 8;
// Latin-script text needs at least this many function-word hits to be called non-English.
const MIN_STOPWORD_HITS = 2;

// Scripts counted letter by letter; Latin is counted separately.
type Script = 'cyrillic' | 'arabic' | 'ko' | 'kana' | 'han' | 'he' | 'el' | 'th' | 'hi' | 'ka' | 'hy';
const SCRIPT_RANGES: [number, number, Script][] = [
  [0x0370, 0x03ff, 'el'],
  [0x0400, 0x04ff, 'cyrillic'],
  [0x0530, 0x058f, 'hy'],
  [0x0590, 0x05ff, 'he'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x0900, 0x097f, 'hi'],
  [0x0e00, 0x0e7f, 'th'],
  [0x10a0, 0x10ff, 'ka'],
  [0x1100, 0x11ff, 'ko'],
  [0x3040, 0x30ff, 'kana'],
  [0x3130, 0x318f, 'ko'],
  [0x3400, 0x4dbf, 'han'],
  [0x4e00, 0x9fff, 'han'],
  [0xac00, 0xd7af, 'ko'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
];

function scriptOf(code: number): Script | null {
  for (const [lo, hi, script] of SCRIPT_RANGES) {
    if (code < lo) return null;
    if (code <= hi) return script;
  }
  return null;
}

function isLatinLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

// Frequent function words that are rare in English text (English is scored on its own list).
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'with', 'on', 'said', 'by', 'from', 'has', 'have', 'are', 'were', 'it', 'after', 'at', 'as', 'its', 'which', 'this', 'be', 'an', 'will', 'not', 'they', 'he', 'been', 'who'],
  fr: ['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'dans', 'pour', 'que', 'qui', 'sur', 'pas', 'au', 'aux', 'avec', 'par', 'ont', 'sont', 'été', 'il', 'elle', 'selon', 'cette', 'ses', 'leur', 'mais'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'mit', 'auf', 'für', 'den', 'dem', 'des', 'von', 'sich', 'auch', 'wird', 'wurde', 'nach', 'bei', 'sind', 'zu', 'im', 'aus', 'hat', 'einer', 'dass'],
  es: ['el', 'los', 'las', 'del', 'y', 'que', 'en', 'una', 'por', 'con', 'para', 'es', 'se', 'su', 'sus', 'al', 'como', 'más', 'fue', 'ha', 'han', 'según', 'pero', 'este', 'esta', 'lo', 'la', 'de', 'durante', 'tras', 'entre', 'sobre', 'desde', 'hasta', 'dijo', 'también'],
  it: ['il', 'di', 'che', 'della', 'dei', 'delle', 'nel', 'nella', 'per', 'una', 'sono', 'con', 'gli', 'anche', 'è', 'alla', 'del', 'ha', 'hanno', 'stato', 'dal', 'dopo', 'secondo', 'questo', 'non', 'le', 'la', 'degli', 'nelle', 'sul', 'sulla', 'alle', 'ai', 'tra', 'durante', 'questa', 'più', 'loro', 'viene', 'erano'],
  pt: ['os', 'as', 'do', 'da', 'dos', 'das', 'e', 'que', 'em', 'um', 'uma', 'para', 'com', 'não', 'foi', 'são', 'pelo', 'pela', 'no', 'na', 'ao', 'mais', 'segundo', 'também', 'seu', 'sua', 'de', 'durante', 'após', 'entre', 'sobre', 'disse', 'até', 'pelos', 'pelas', 'nos', 'nas'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'zijn', 'niet', 'met', 'voor', 'werd', 'door', 'ook', 'naar', 'bij', 'wordt', 'heeft', 'maar', 'deze'],
  pl: ['i', 'w', 'się', 'na', 'nie', 'z', 'że', 'do', 'jest', 'to', 'przez', 'od', 'po', 'jak', 'oraz', 'są', 'było', 'został', 'tym', 'dla'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'de', 'da', 'olarak', 'olan', 'çok', 'daha', 'gibi', 'sonra', 'ancak', 'kadar', 'değil', 'dedi'],
};
const STOPWORD_LANG = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words) {
    const langs = STOPWORD_LANG.get(w) ?? [];
    langs.push(lang);
    STOPWORD_LANG.set(w, langs);
  }
}
/** A letter of a word for stop-word counting: [a-z\u00C0-\u024F] (the text is lower-cased). */
const isWordLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
// Function words are dense: a few hundred characters already give dozens of hits.
const STOPWORD_SAMPLE_CHARS = 500;

function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Ukrainian and Russian share most of Cyrillic; a few letters belong to one of them only. */
function cyrillicLanguage(text: string): string {
  const uk = countMatches(text, /[іїєґІЇЄҐ]/g);
  const ru = countMatches(text, /[ыэъёЫЭЪЁ]/g);
  if (uk > ru) return 'uk';
  const bg = countMatches(text, /\b(?:на|и|за|от|се|са|не|да|по|със)\b/g);
  if (ru === 0 && bg > 2 && countMatches(text, /ъ/g) > 0) return 'bg';
  return 'ru';
}

function arabicScriptLanguage(text: string): string {
  // Letters Persian and Urdu add to the Arabic alphabet.
  const persian = countMatches(text, /[پچژگکی]/g);
  return persian > 2 ? 'fa' : 'ar';
}

function latinLanguage(text: string): string | null {
  const scores: Record<string, number> = {};
  const lower = text.slice(0, STOPWORD_SAMPLE_CHARS).toLowerCase();
  // Words (runs of isWordLetter), found by a plain scan: a regular-expression match per word costs more.
  const n = lower.length;
  for (let i = 0; i < n; ) {
    if (!isWordLetter(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordLetter(lower.charCodeAt(j))) j++;
    const langs = STOPWORD_LANG.get(lower.slice(i, j));
    i = j;
    if (langs === undefined) continue;
    for (const l of langs) scores[l] = (scores[l] ?? 0) + 1;
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [lang, score] of Object.entries(scores)) {
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  if (best === null || bestScore < MIN_STOPWORD_HITS) return null;
  return best;
}

export interface DetectedLanguage {
  /** ISO 639-1 code, or 'und' when the text gives too little evidence. */
  language: string;
  /** Whether the detection rests on enough evidence to overrule a declared language. */
  confident: boolean;
}

/** Detects the language of `text` from its first thousand characters. */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  let latin = 0;
  const counts = new Map<Script, number>();
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
      continue;
    }
    if (isLatinLetter(code)) {
      latin++;
      continue;
    }
    const script = scriptOf(code);
    if (script !== null) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: Script | null = null;
  let bestCount = 0;
  for (const [script, c] of counts) {
    if (c > bestCount) {
      best = script;
      bestCount = c;
    }
  }
  // Japanese mixes Han characters with kana; Chinese has no kana.
  const kana = counts.get('kana') ?? 0;
  if ((best === 'han' || best === 'kana') && kana * 10 >= (counts.get('han') ?? 0)) best = 'kana';
  // A foreign script wins when it is a sizeable share of the letters (names in English text are not).
  if (best !== null && bestCount >= MIN_SCRIPT_LETTERS && bestCount * 2 >= latin) {
    return { language: scriptLanguage(best, sample), confident: true };
  }
  if (latin < MIN_SCRIPT_LETTERS) return { language: 'und', confident: false };
  const lang = latinLanguage(sample);
  if (lang === null) return { language: 'en', confident: false };
  return { language: lang, confident: true };
}

function scriptLanguage(script: Script, sample: string): string {
  switch (script) {
    case 'cyrillic':
      return cyrillicLanguage(sample);
    case 'arabic':
      return arabicScriptLanguage(sample);
    case 'han':
      return 'zh';
    case 'kana':
      return 'ja';
    default:
      return script;
  }
}

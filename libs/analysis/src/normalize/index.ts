/**
 * Normalisation: the first stage of analysis. Turns a raw report into one clean text (headline,
 * summary and body, joined by blank lines) with sentence offsets and a language flag.
 */
import type { NormalizedReport } from '../types.ts';
import { stripBoilerplate } from './boilerplate.ts';
import { cleanCharacters, toParagraphs } from './characters.ts';
import { detectLanguage } from './language.ts';
import { splitSentences } from './sentences.ts';

export { splitSentences } from './sentences.ts';
export { detectLanguage } from './language.ts';
export type { DetectedLanguage } from './language.ts';

/** What joins headline, summary and body in `NormalizedReport.text`. */
export const PART_SEPARATOR = '\n\n';

/** Normalises one field: characters, whitespace and paragraphs, then publication furniture removed. */
export function normalizeField(text: string, stripFurniture = true): string {
  const paragraphs = toParagraphs(cleanCharacters(text));
  return (stripFurniture ? stripBoilerplate(paragraphs) : paragraphs).join(PART_SEPARATOR);
}

/** The primary subtag of a declared language ("en-US" → "en"), or null when none is declared. */
function declaredLanguage(language: string | undefined): string | null {
  if (language === undefined) return null;
  const primary = language.trim().toLowerCase().split(/[-_]/)[0];
  return primary === undefined || primary === '' ? null : primary;
}

export function normalizeReport(r: {
  headline: string;
  summary?: string | undefined;
  body: string;
  language?: string | undefined;
}): NormalizedReport {
  // A headline is one line: no paragraphs, no dateline.
  const headline = normalizeField(r.headline, false).replace(/\n+/g, ' ');
  const parts = [headline, normalizeField(r.summary ?? ''), normalizeField(r.body)].filter((p) => p !== '');
  const text = parts.join(PART_SEPARATOR);
  const detected = detectLanguage(text);
  const declared = declaredLanguage(r.language);
  // The text overrules a declared language only when the evidence is clear.
  const language = detected.confident || declared === null ? detected.language : declared;
  return { text, sentences: splitSentences(text), language, isEnglish: language === 'en' };
}

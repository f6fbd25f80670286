/** Helpers shared by the evaluations that read the PLOVER gold standard. */

/** A gold count written as a number ("1000", "1,000"); null for none or for words ("Thousands", "scores"). */
export function goldNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

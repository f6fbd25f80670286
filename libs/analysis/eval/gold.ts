/** Helpers shared by the evaluations that read the PLOVER gold standard. */

/**
 * A gold count written as a number ("1000", "1,000", or a JSON number in sets coded here); null for none or for
 * words ("Thousands", "scores").
 */
export function goldNumber(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

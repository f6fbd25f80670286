import type { z } from 'zod';

/** One validation problem, located by a JSON path into the input (`$` is the document root). */
export interface Issue {
  path: string;
  message: string;
}

/** Formats a property path as JSON path: `['subjects', 2]` → `$.subjects[2]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/** The outcome of a mapping step: a value, or the problems that stop it. Expected failures are values, not throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(issues: Issue[]): Result<T> => ({ ok: false, issues });

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ruleFileSchema, ruleSchema, type Rule } from './schema.ts';
import type { AlertPolicy } from './types.ts';

/** One problem with a rule file: which file, which rule, which field, and what is wrong. */
export interface RuleError {
  file: string;
  /** The rule's id when it has a readable one, else null. */
  rule: string | null;
  /** Where in the file, e.g. `rules[2].when.event.min_troops`. */
  field: string;
  message: string;
}

export type RuleFileResult = { ok: true; rules: Rule[] } | { ok: false; errors: RuleError[] };

export function formatRuleError(e: RuleError): string {
  const rule = e.rule === null ? '' : ` rule "${e.rule}"`;
  return `${e.file}:${rule} ${e.field}: ${e.message}`;
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(file)' : out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/**
 * Parses and validates one rule file. All or nothing: a file with any error yields only errors, so a
 * half-valid file is never half-loaded.
 */
export function parseRuleFile(file: string, text: string): RuleFileResult {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => ({ file, rule: null, field: '(file)', message: `not valid YAML: ${e.message.split('\n')[0]}` })) };
  }
  const top = ruleFileSchema.safeParse(doc.toJS());
  if (!top.success) {
    return {
      ok: false,
      errors: top.error.issues.map((i) => ({
        file,
        rule: null,
        field: fieldPath(i.path),
        message: i.code === 'invalid_type' && i.path.length === 0 ? 'expected a mapping with a "rules:" list' : issueMessage(i),
      })),
    };
  }
  const rules: Rule[] = [];
  const errors: RuleError[] = [];
  const seen = new Map<string, number>();
  top.data.rules.forEach((raw, index) => {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null;
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) errors.push({ file, rule: id, field: fieldPath(['rules', index, ...i.path]), message: issueMessage(i) });
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      errors.push({ file, rule: parsed.data.id, field: `rules[${index}].id`, message: `duplicate rule id (also rules[${first}])` });
      return;
    }
    seen.set(parsed.data.id, index);
    rules.push(parsed.data);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
}

/** The rule files a path names: the file itself, or every .yaml/.yml file of a folder, sorted. */
export function ruleFilesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(path, f));
}

/**
 * Loads rule files and folders. Any error in any file rejects the whole set (a rule pack is deployed as
 * one), and ids must be unique across files, since an alert is keyed by rule id.
 */
export function loadRules(paths: readonly string[]): RuleFileResult {
  const rules: Rule[] = [];
  const errors: RuleError[] = [];
  const owner = new Map<string, string>();
  for (const path of paths) {
    let files: string[];
    try {
      files = ruleFilesOf(path);
    } catch (err) {
      errors.push({ file: path, rule: null, field: '(file)', message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        errors.push({ file, rule: null, field: '(file)', message: `cannot read: ${(err as Error).message}` });
        continue;
      }
      const result = parseRuleFile(file, text);
      if (!result.ok) {
        errors.push(...result.errors);
        continue;
      }
      for (const rule of result.rules) {
        const other = owner.get(rule.id);
        if (other !== undefined) {
          errors.push({ file, rule: rule.id, field: 'id', message: `duplicate rule id (also in ${other})` });
          continue;
        }
        owner.set(rule.id, file);
        rules.push(rule);
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
}

/** The lifecycle settings of a rule, as its alert workflows receive them. */
export function policyOf(rule: Rule): AlertPolicy {
  return { cooldownMs: rule.cooldown, renotifyMs: rule.renotify, quietMs: rule.quiet, notify: rule.notify };
}

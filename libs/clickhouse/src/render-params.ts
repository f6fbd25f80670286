import type { QueryParams } from './port.ts';

const placeholder = /\{([A-Za-z_][A-Za-z0-9_]*):([^}]+)\}/g;

function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function literal(value: unknown, type: string, name: string): string {
  const t = type.trim();
  const inner = /^(?:Nullable|LowCardinality)\((.+)\)$/.exec(t);
  if (inner?.[1]) return value === null ? 'NULL' : literal(value, inner[1], name);
  const array = /^Array\((.+)\)$/.exec(t);
  if (array?.[1]) {
    if (!Array.isArray(value)) throw new Error(`parameter ${name}: expected an array for ${t}`);
    return `[${value.map((v) => literal(v, array[1]!, name)).join(', ')}]`;
  }
  // 64-bit values travel as decimal strings; render them digit for digit rather than through a double.
  if (/^U?Int\d+$/.test(t) && typeof value === 'string' && /^-?\d+$/.test(value)) return value;
  if (/^(U?Int\d+|Float\d+|Decimal.*)$/.test(t)) {
    const n = Number(value);
    if (typeof value === 'boolean' || !Number.isFinite(n)) throw new Error(`parameter ${name}: ${String(value)} is not a ${t}`);
    return String(n);
  }
  if (t === 'Bool') return value ? '1' : '0';
  if (t === 'String' || t.startsWith('FixedString') || t.startsWith('DateTime') || t === 'Date' || t === 'UUID') {
    return `CAST(${quoteString(String(value))} AS ${t})`;
  }
  throw new Error(`parameter ${name}: type ${t} cannot be rendered for this server`);
}

/**
 * Renders `{name:Type}` placeholders as typed, escaped literals, for ClickHouse servers that predate
 * server-side parameter binding. Values never reach the SQL unescaped or untyped.
 */
export function renderParams(sql: string, params: QueryParams): string {
  return sql.replace(placeholder, (_match, name: string, type: string) => {
    if (!(name in params)) throw new Error(`parameter ${name} has no value`);
    return literal(params[name], type, name);
  });
}

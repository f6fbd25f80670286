import { describe, expect, it } from 'vitest';
import { renderParams } from './render-params.ts';

describe('renderParams (servers without bound parameters)', () => {
  it('renders strings as escaped, typed literals', () => {
    expect(renderParams('SELECT {s:String}', { s: "it's \\ here" })).toBe("SELECT CAST('it\\'s \\\\ here' AS String)");
  });

  it('renders numbers only when they are numbers', () => {
    expect(renderParams('SELECT {n:UInt32}', { n: 42 })).toBe('SELECT 42');
    expect(renderParams('SELECT {n:UInt64}', { n: '18446744073709551615' })).toBe('SELECT 18446744073709551615');
    expect(() => renderParams('SELECT {n:UInt32}', { n: '1; DROP TABLE x' })).toThrow(/not a UInt32/);
  });

  it('renders arrays, nullables and times', () => {
    expect(renderParams('{xs:Array(String)}', { xs: ['a', "b'"] })).toBe("[CAST('a' AS String), CAST('b\\'' AS String)]");
    expect(renderParams('{x:Nullable(String)}', { x: null })).toBe('NULL');
    expect(renderParams("{t:DateTime64(3, 'UTC')}", { t: '2024-10-21 00:00:00.000' })).toBe(
      "CAST('2024-10-21 00:00:00.000' AS DateTime64(3, 'UTC'))",
    );
  });

  it('names a missing parameter', () => {
    expect(() => renderParams('SELECT {missing:String}', {})).toThrow(/missing has no value/);
  });
});

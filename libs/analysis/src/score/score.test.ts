import { describe, expect, it } from 'vitest';
import type { AnalysedEvent } from '../types.ts';
import { conflictOf, scoreReport } from './score.ts';

const event = (over: Partial<AnalysedEvent>): AnalysedEvent => ({
  type: 'ACCUSE', mode: null, actors: [], targets: [], quantity: null, quantities: [],
  assertion: 'asserted', negated: false, evidence: '', span: [0, 0], ...over,
});
const score = (events: AnalysedEvent[], independentSources = 1, sourceReliability?: Record<string, number>) =>
  scoreReport({ events, source: 'wire', independentSources, sourceReliability });
const total = (r: ReturnType<typeof score>) => Math.round(r.contributions.reduce((s, c) => s + c.points, 0) * 10) / 10;

const troops = event({ type: 'MOBILIZE', mode: 'troops', actors: ['PRK'], targets: ['RUS'], quantities: [{ value: 12000, unit: 'troops', qualifier: null }] });

describe('scoreReport', () => {
  it('scores a report without escalating events at zero', () => {
    expect(score([event({ type: 'AGREE' }), event({ type: 'CONSULT' })]).score).toBe(0);
    expect(score([]).score).toBe(0);
  });
  it('lists contributions that add up to the score', () => {
    const r = score([troops, event({ type: 'ACCUSE' })]);
    expect(Math.abs(total(r) - r.score)).toBeLessThanOrEqual(0.2);
    expect(r.contributions.map((c) => c.factor)).toEqual(expect.arrayContaining(['severity', 'mode', 'magnitude_troops', 'third_party_entry', 'other_events']));
  });
  it('sees third-party troops for a belligerent as entry into that war', () => {
    expect(conflictOf({ actors: ['PRK'], targets: ['RUS'] })).toEqual({ id: 'RUS-UKR', thirdParty: true });
    expect(conflictOf({ actors: ['RUS'], targets: ['UKR'] })).toEqual({ id: 'RUS-UKR', thirdParty: false });
  });
  it('ranks a troop deployment into a war above diplomatic protest', () => {
    expect(score([troops]).score).toBeGreaterThan(score([event({ type: 'ACCUSE' }), event({ type: 'REQUEST' })]).score + 30);
  });
  it('discounts alleged, unconfirmed and denied events, and ignores negated ones', () => {
    const asserted = score([troops]).score;
    const alleged = score([{ ...troops, assertion: 'alleged' }]).score;
    const unconfirmed = score([{ ...troops, assertion: 'unconfirmed' }]).score;
    const denied = score([{ ...troops, assertion: 'denied' }]).score;
    expect(asserted).toBeGreaterThan(alleged);
    expect(alleged).toBeGreaterThan(unconfirmed);
    expect(unconfirmed).toBeGreaterThan(denied);
    expect(score([{ ...troops, negated: true }]).score).toBe(0);
  });
  it('grows with the number of troops on a log scale', () => {
    const small = score([{ ...troops, quantities: [{ value: 100, unit: 'troops', qualifier: null }] }]).score;
    const large = score([troops]).score;
    expect(large).toBeGreaterThan(small);
    expect(large - small).toBeLessThan(10);
  });
  it('adds a bonus for independent corroboration and weighs by source reliability', () => {
    const base = score([event({ type: 'ASSAULT' })]).score;
    expect(score([event({ type: 'ASSAULT' })], 3).score).toBeGreaterThan(base);
    expect(score([event({ type: 'ASSAULT' })], 1, { wire: 0.5 }).score).toBeCloseTo(base / 2, 0);
  });
  it('stays within 0..100', () => {
    const big = event({ type: 'ASSAULT', mode: 'heavy-weapons', actors: ['BLR'], targets: ['UKR'], quantities: [{ value: 5000, unit: 'dead', qualifier: null }] });
    const nuclear = event({ type: 'THREATEN', mode: 'nuclear' });
    expect(score([big, nuclear, troops], 50).score).toBeLessThanOrEqual(100);
  });
});

describe('conflictOf', () => {
  it('reads a belligerent acting on its enemy as that war, before any third-party reading', () => {
    // ISR-PSE is listed before ISR-LBN: it must not take LBN, a side of ISR-LBN, for an outsider to it.
    expect(conflictOf({ actors: ['LBN'], targets: ['ISR'] })).toEqual({ id: 'ISR-LBN', thirdParty: false });
    expect(conflictOf({ actors: ['IRN'], targets: ['ISR'] })).toEqual({ id: 'ISR-IRN', thirdParty: false });
  });
  it('reads a belligerent of another war supporting a side as a third party', () => {
    expect(conflictOf({ actors: ['IRN'], targets: ['RUS'] })).toEqual({ id: 'RUS-UKR', thirdParty: true });
  });
  it('places fighting on one side’s own soil in that war', () => {
    expect(conflictOf({ actors: ['UKR'], targets: ['UKR'] })).toEqual({ id: 'RUS-UKR', thirdParty: false });
    expect(conflictOf({ actors: ['COD'], targets: ['COD'] })).toEqual({ id: 'COD-RWA', thirdParty: false });
  });
  it('places an act with no named target in the actor’s war', () => {
    expect(conflictOf({ actors: ['UKR'], targets: [] })).toEqual({ id: 'RUS-UKR', thirdParty: false });
  });
  it('reads fighting inside Sudan as its civil war, and arms sent into it as a third party’s entry', () => {
    expect(conflictOf({ actors: ['SDN'], targets: ['SDN'] })).toEqual({ id: 'SDN-civil-war', thirdParty: false });
    expect(conflictOf({ actors: ['ARE'], targets: ['SDN'] })).toEqual({ id: 'SDN-civil-war', thirdParty: true });
    expect(conflictOf({ actors: ['SSD'], targets: ['SDN'] })).toEqual({ id: 'SDN-SSD', thirdParty: false });
  });
});

describe('conflictOf: acts with no one acted on', () => {
  it('names a conflict only when every one acting is a side of it', () => {
    expect(conflictOf({ actors: ['IND', 'CHN'], targets: [] })).toBeNull();
    expect(conflictOf({ actors: ['IND'], targets: [] })?.id).toBe('IND-PAK');
    expect(conflictOf({ actors: ['ISR', 'LBN'], targets: [] })?.id).toBe('ISR-LBN');
  });
});

describe('scoreReport: background and the lead', () => {
  const attack = event({ type: 'ASSAULT', actors: ['AZE'], targets: ['ARM'], quantities: [{ value: 20000, unit: 'dead', qualifier: null }] });
  it('weighs an act the report dates well before its news down, and says so', () => {
    const news = score([attack]);
    const recalled = score([{ ...attack, background: true }]);
    expect(recalled.score).toBeLessThan(news.score / 2);
    expect(recalled.contributions.find((c) => c.factor === 'context')?.detail).toBe('dated well before the news');
    expect(Math.abs(total(recalled) - recalled.score)).toBeLessThanOrEqual(0.2);
  });
  it('weighs an act after the lead down unless the lead reports the same act between the same parties', () => {
    const late = { ...attack, span: [500, 600] as [number, number] };
    const input = (events: AnalysedEvent[]) => scoreReport({ events, source: 'wire', independentSources: 1, leadEnd: 300 });
    expect(input([late]).score).toBeLessThan(score([attack]).score);
    const lead = event({ type: 'ASSAULT', actors: ['AZE'], targets: ['ARM'], span: [0, 100] });
    expect(input([lead, late]).score).toBe(score([attack]).score);
  });
});

describe('scoreReport: riot control', () => {
  it('scores a crowd dispersed with tear gas about as a coercion, well below an armed attack', () => {
    const dispersed = score([event({ type: 'ASSAULT', mode: 'repression', actors: ['SRB'], targets: ['SRB'] })]);
    const shelled = score([event({ type: 'ASSAULT', mode: 'heavy-weapons', actors: ['RUS'], targets: ['UKR'] })]);
    expect(dispersed.contributions).toContainEqual({ factor: 'mode', points: -16, detail: 'ASSAULT/repression' });
    expect(dispersed.score).toBeCloseTo(30.5, 1);
    expect(shelled.score - dispersed.score).toBeGreaterThan(20);
  });
});

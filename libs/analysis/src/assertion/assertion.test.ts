import { describe, expect, it } from 'vitest';
import { assessAssertion, strongerHedge } from './assertion.ts';

/** The span of `word` in `sentence`. */
const at = (sentence: string, word: string) => {
  const start = sentence.indexOf(word);
  if (start < 0) throw new Error(`${word} not in ${sentence}`);
  return { start, end: start + word.length };
};
const assess = (sentence: string, trigger: string) => assessAssertion(sentence, at(sentence, trigger));

describe('assessAssertion', () => {
  it('asserted by default', () => {
    expect(assess('The army sent troops to the border.', 'sent troops')).toEqual({ assertion: 'asserted', negated: false });
    expect(assess('The army shelled the town overnight, the governor said.', 'shelled')).toEqual({ assertion: 'asserted', negated: false });
    expect(assess('Russia moved 5,000 troops to the border, the defence ministry told reporters.', 'moved').assertion).toBe('asserted');
  });
  it.each([
    ['The neighbour allegedly sent troops to the border.', 'sent troops'],
    ['According to intelligence sources, the army sent troops to the border.', 'sent troops'],
    ['The army has deployed about 3,000 soldiers to the east, foreign intelligence said.', 'deployed'],
    ['The army sent troops to the border, according to two sources familiar with the matter.', 'sent troops'],
    ['The spy agency said it has evidence that the army sent troops to the border.', 'sent troops'],
    ['The video shows what the agency alleged were soldiers moved to the border.', 'soldiers moved'],
    ['The army reportedly shelled the village.', 'shelled'],
    ['North Korea moved about 8,000 troops toward border, Seoul spy agency tells lawmakers', 'moved'],
    ['May said it was "highly likely" that Russia was responsible for the nerve-agent attack.', 'attack'],
    ['The North has moved 8,000 troops forward, the National Intelligence Service (NIS) told lawmakers.', 'moved'],
  ])('alleged: %s', (sentence, trigger) => {
    expect(assess(sentence, trigger).assertion).toBe('alleged');
  });
  it('reads a claim the accused calls a fabrication, after a semicolon, as denied', () => {
    const s = "Officials say a cargo vessel delivered thousands of shells in July; North Korea calls the report a 'sheer fabrication'.";
    expect(assess(s, 'delivered').assertion).toBe('denied');
  });
  it('reads gunfire or explosions someone heard as unconfirmed: hearing does not confirm an attack', () => {
    expect(assess('Residents reached by phone described hearing gunfire in the hills.', 'gunfire').assertion).toBe('unconfirmed');
    expect(assess('Residents said they heard loud explosions near the airport.', 'explosions').assertion).toBe('unconfirmed');
    expect(assess('Gunfire erupted near the airport on Monday.', 'Gunfire').assertion).toBe('asserted');
  });
  it.each([
    ['The newspaper could not independently verify that the army sent troops.', 'sent troops'],
    ['Officials could not confirm reports that the army had sent troops.', 'sent troops'],
    ['The claim that the army sent troops has not been verified.', 'sent troops'],
    ['The troops could be deployed within days.', 'troops could be deployed'],
  ])('unconfirmed: %s', (sentence, trigger) => {
    expect(assess(sentence, trigger).assertion).toBe('unconfirmed');
  });
  it.each([
    ['The ministry denied that it had sent troops to the border.', 'sent troops'],
    ['The government rejected the reports that it shelled the village.', 'shelled'],
  ])('denied: %s', (sentence, trigger) => {
    expect(assess(sentence, trigger).assertion).toBe('denied');
  });
  it('negation', () => {
    expect(assess('The country did not send troops to the war.', 'send troops').negated).toBe(true);
    expect(assess('The country has never deployed soldiers abroad.', 'deployed soldiers').negated).toBe(true);
  });
  it('"not only … but also" is not a negation', () => {
    const s = 'The country had not only supplied weapons but also dispatched military personnel.';
    expect(assess(s, 'supplied weapons').negated).toBe(false);
    expect(assess(s, 'dispatched military personnel').negated).toBe(false);
  });
  it('a negation in an earlier clause does not reach the trigger', () => {
    expect(assess('Talks did not resume; instead the army shelled the town.', 'shelled').negated).toBe(false);
  });
  it('orders hedges', () => {
    expect(strongerHedge('alleged', 'denied')).toBe('denied');
    expect(strongerHedge('unconfirmed', 'asserted')).toBe('unconfirmed');
  });
});

describe('assessAssertion: denials worded around the claim', () => {
  it('reads "dismissed as absurd claims that" before the act as a denial', () => {
    expect(assess('The Kremlin dismissed as "absurd" claims that it had deployed troops.', 'deployed troops').assertion).toBe('denied');
  });
  it('reads a denial appended after the act as a denial', () => {
    expect(assess('Officials said the army moved warheads to the border, which the ministry rejected.', 'moved warheads').assertion).toBe('denied');
    expect(assess('Jets struck a convoy near the border, a claim the government denied.', 'struck').assertion).toBe('denied');
  });
  it('does not read a relative clause that is no denial as one', () => {
    expect(assess('Jets struck a convoy near the border, which killed three people.', 'struck').assertion).toBe('asserted');
  });
});

describe('assessAssertion: information about an act', () => {
  it('reads "contradictory information … regarding the dispatch" as unconfirmed', () => {
    const s = 'He said there had been "contradictory information" from the two governments regarding the dispatch of troops.';
    expect(assess(s, 'dispatch of troops').assertion).toBe('unconfirmed');
  });
  it('reads "information from X regarding" an act as alleged', () => {
    const s = 'He cited information from the two governments regarding the dispatch of troops.';
    expect(assess(s, 'dispatch of troops').assertion).toBe('alleged');
  });
});

describe('assessAssertion: acts that did not happen, or might', () => {
  it('negates "no troops were sent", "has yet to deploy", "refrained from", "stopped short of"', () => {
    expect(assess('No troops were sent to the border.', 'troops were sent').negated).toBe(true);
    expect(assess('The ministry has yet to deploy troops.', 'deploy troops').negated).toBe(true);
    expect(assess('The army refrained from attacking the city.', 'attacking').negated).toBe(true);
    expect(assess('The government stopped short of imposing sanctions.', 'imposing sanctions').negated).toBe(true);
  });
  it('reads "did not rule out" as a possibility, not a negation', () => {
    expect(assess('The army did not rule out sending troops.', 'sending troops')).toEqual({ assertion: 'unconfirmed', negated: false });
  });
  it('does not read "no doubt" as a negation', () => {
    expect(assess('There is no doubt the army attacked the city.', 'attacked').negated).toBe(false);
  });
});

describe('assessAssertion: no sign of an act', () => {
  it('negates "no sign of a withdrawal"', () => {
    expect(assess('There is no sign of a Russian withdrawal from the border.', 'withdrawal').negated).toBe(true);
  });
});

describe('assessAssertion: imagery and anonymous officials', () => {
  it('reads what imagery suggests and what an anonymous official said as alleged', () => {
    expect(assess('Satellite imagery suggests China has deployed fighter jets to the island.', 'deployed fighter jets').assertion).toBe('alleged');
    expect(assess('An official, speaking on condition of anonymity, said Iran had supplied missiles to Russia.', 'supplied missiles').assertion).toBe('alleged');
  });
  it('leaves what witnesses saw asserted', () => {
    expect(assess('Soldiers opened fire on the crowd, witnesses said.', 'opened fire').assertion).toBe('asserted');
  });
});

describe('assessAssertion: "no X were" before the act', () => {
  it('negates the act when what is denied is the act itself, not when it is its victims', () => {
    expect(assess('No missiles were fired at the city overnight.', 'fired at').negated).toBe(true);
    expect(assess('No new sanctions were imposed on the bank.', 'imposed').negated).toBe(true);
    expect(assess('No civilians were killed in the strike.', 'killed').negated).toBe(false);
  });
});

describe('assessAssertion: named sources and failures', () => {
  it('leaves a report attributed to military or security sources asserted, but not to intelligence or unnamed ones', () => {
    expect(assess('Troops shelled the village overnight, military sources said.', 'shelled').assertion).toBe('asserted');
    expect(assess('Troops shelled the village overnight, intelligence sources said.', 'shelled').assertion).toBe('alleged');
    expect(assess('Troops shelled the village overnight, unnamed sources said.', 'shelled').assertion).toBe('alleged');
  });
  it('negates an act that someone failed or was unable to carry out', () => {
    expect(assess('The army failed to capture the town.', 'capture').negated).toBe(true);
    expect(assess('The ministers were unable to agree on sanctions.', 'agree').negated).toBe(true);
  });
});

describe('assessAssertion: a denial after the claim', () => {
  it('reads "…, but X denied the report", "a transfer X flatly denied" and "; X dismissed the report" as denied', () => {
    expect(assess('Officials said troops shelled the village, but the army denied the report.', 'shelled').assertion).toBe('denied');
    expect(assess('Tehran shipped 200 missiles to Russia, officials said, a transfer Tehran flatly denied.', 'shipped').assertion).toBe('denied');
    expect(assess('Troops killed 12 civilians, local officials said; the minister dismissed the report as fabrication.', 'killed').assertion).toBe('denied');
  });
});

describe('assessAssertion: what holds only if confirmed', () => {
  it('reads "if confirmed" and "if true" as unconfirmed', () => {
    expect(assess('If confirmed, the transfer would make Belarus the first ally to send troops.', 'send troops').assertion).toBe('unconfirmed');
    expect(assess('The shipment, if true, would break the embargo.', 'shipment').assertion).toBe('unconfirmed');
  });
});

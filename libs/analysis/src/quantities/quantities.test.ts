import { describe, expect, it } from 'vitest';
import { findQuantities } from './index.ts';

function found(sentence: string): Array<[number, string, string | null]> {
  return findQuantities(sentence).map((q) => [q.value, q.unit, q.qualifier]);
}

describe('findQuantities', () => {
  it('finds troop counts with their qualifiers', () => {
    expect(found('Pyongyang plans to send about 10,000 soldiers and has sent 1,500 special forces.')).toEqual([
      [10_000, 'troops', 'about'],
      [1_500, 'troops', null],
    ]);
    expect(found('Some 12,000 troops, up to 4,000 marines, at least 800 paratroopers and more than 300 reservists.')).toEqual([
      [12_000, 'troops', 'about'],
      [4_000, 'troops', 'up to'],
      [800, 'troops', 'at least'],
      [300, 'troops', 'more than'],
    ]);
    expect(found('Nearly 2,000 soldiers, roughly 500 sailors, over 90 commandos and fewer than 50 peacekeepers.')).toEqual([
      [2_000, 'troops', 'nearly'],
      [500, 'troops', 'about'],
      [90, 'troops', 'more than'],
      [50, 'troops', 'fewer than'],
    ]);
  });

  it('gives offsets covering qualifier, number and unit', () => {
    const s = 'Officials said around 3,000 North Korean troops had arrived.';
    const [q] = findQuantities(s);
    expect(s.slice(q!.start, q!.end)).toBe('around 3,000 North Korean troops');
  });

  it('reads force sizes written around the number', () => {
    expect(found('A brigade of 3,000 crossed; a 10,000-strong force followed, with two battalions.')).toEqual([
      [3_000, 'troops', null],
      [10_000, 'troops', null],
      [2, 'battalions', null],
    ]);
  });

  it('reads numbers written in words, with scales, and with spaces as separators', () => {
    expect(found('Ten thousand troops and 1.5 million reservists; 300 000 soldiers; two hundred and fifty marines.')).toEqual([
      [10_000, 'troops', null],
      [1_500_000, 'troops', null],
      [300_000, 'troops', null],
      [250, 'troops', null],
    ]);
    expect(found('Thousands of troops massed; a dozen warships sailed.')).toEqual([
      [2_000, 'troops', 'vague'],
      [12, 'vessels', null],
    ]);
  });

  it('finds casualties', () => {
    expect(found('The strike killed at least 23 people and wounded 40 others.')).toEqual([
      [23, 'dead', 'at least'],
      [40, 'injured', null],
    ]);
    expect(found('Three soldiers were killed and 12 injured; the death toll rose to 57.')).toEqual([
      [3, 'dead', null],
      [12, 'injured', null],
      [57, 'dead', null],
    ]);
    expect(found('At least five civilians have been killed and two wounded.')).toEqual([
      [5, 'dead', 'at least'],
      [2, 'injured', null],
    ]);
  });

  it('tells victims from perpetrators and counts mixed casualties apart', () => {
    expect(found('Two suicide bombers killed 23 people.')).toEqual([
      [2, 'people', null],
      [23, 'dead', null],
    ]);
    expect(found('Shelling left 20 people killed or wounded; the raid, killing or wounding 50, ended.')).toEqual([
      [20, 'casualties', null],
      [50, 'casualties', null],
    ]);
  });

  it('counts people acted on', () => {
    expect(found('Police arrested more than 100 Palestinians and deported 168 Liberians, arresting 12.')).toEqual([
      [100, 'people', 'more than'],
      [168, 'people', null],
      [12, 'people', null],
    ]);
  });

  it('counts aircraft, vessels, missiles, drones and tanks', () => {
    expect(found('Russia launched 40 missiles and 25 Shahed drones; China sent 12 warships and 30 fighter jets; 200 tanks.')).toEqual([
      [40, 'missiles', null],
      [25, 'drones', null],
      [12, 'vessels', null],
      [30, 'aircraft', null],
      [200, 'tanks', null],
    ]);
  });

  it('does not count fans, volunteers without a number, years, money, percentages or ages', () => {
    expect(found('Some 45,000 fans filled the stadium.')).toEqual([]);
    // Model designations are names, not counts.
    expect(found('The first F-16 fighter jets and S-300 missiles arrived.')).toEqual([]);
    expect(found('An army of volunteers cleared the rubble.')).toEqual([]);
    expect(found('In 2022 troops crossed the border; since 2014, 300 kilometres of trenches.')).toEqual([]);
    expect(found('The package is worth $1.5 billion, 12% of the budget, for 18-year-old conscripts.')).toEqual([]);
    expect(found('The soldier, 19, was aged 19 and had served 3 years; on May 5 troops left.')).toEqual([]);
    expect(found('Think tanks and fuel tanks.')).toEqual([]);
  });
});

describe('findQuantities: dozens as a count', () => {
  it('reads "two dozen" as 24 and "three dozen" as 36', () => {
    expect(found('At least two dozen soldiers were killed.')).toEqual([[24, 'dead', 'at least']]);
    expect(found('Three dozen protesters were detained.')).toEqual([[36, 'people', null]]);
  });
});

describe('findQuantities: nobody', () => {
  it('reads "no one was killed" as no count', () => {
    expect(found('No one was killed in the attack.')).toEqual([]);
    expect(found('One soldier was killed.')).toEqual([[1, 'dead', null]]);
  });
});

describe('findQuantities: killing all of them', () => {
  it('reads "killing all 12 people on board" as 12 dead', () => {
    expect(found('Rebels shot down a helicopter, killing all 12 people on board.')).toEqual([[12, 'dead', null]]);
  });
});

describe('findQuantities: the dead of a headline', () => {
  it('reads a count before any noun phrase and a casualty state as the dead', () => {
    expect(found('One civilian killed in east Ukraine in night of shelling')).toEqual([[1, 'dead', null]]);
    expect(found('Four border guards killed in helicopter attack')).toEqual([[4, 'dead', null]]);
    expect(found('Three schoolboys killed by mine')).toEqual([[3, 'dead', null]]);
    expect(found('One DPR militiaman killed, two injured in shelling')).toEqual([
      [1, 'dead', null],
      [2, 'injured', null],
    ]);
    expect(found('5 militants killed, 13 more wounded in skirmish')).toEqual([
      [5, 'dead', null],
      [13, 'injured', null],
    ]);
  });
  it('reads a death toll raised after a longer phrase, and the death of a number', () => {
    expect(found('Ukraine raises death toll from rebel attacks in east to 17')).toEqual([[17, 'dead', null]]);
    expect(found('The death toll in the center of Donetsk due to the shelling of the Armed Forces increased to two')).toEqual([[2, 'dead', null]]);
    expect(found('The spokesman confirms the death of four soldiers in Donetsk region')).toEqual([[4, 'dead', null]]);
    expect(found('The death toll of 2014 was high')).toEqual([]);
  });
  it('reads "die", "have died" and "said killed" as the dead', () => {
    expect(found('Four Ukrainian soldiers die in rebel fire')).toEqual([[4, 'dead', null]]);
    expect(found('Six DPR servicemen have died since the beginning of the day')).toEqual([[6, 'dead', null]]);
    expect(found('Two civilians said killed as rebels continue to breach ceasefire')).toEqual([[2, 'dead', null]]);
  });
  it('does not read a count across a preposition or an active verb with its object', () => {
    expect(found('Two attacks in Donetsk killed three')).toEqual([[3, 'dead', null]]);
    expect(found('Two bombers killed 23 people.')).toEqual([
      [2, 'aircraft', null],
      [23, 'dead', null],
    ]);
  });
  it('reads each count of a list of people before "killed" as dead, but no count of times or breaches', () => {
    expect(found('Two soldiers, one rebel killed in east Ukraine fighting')).toEqual([
      [2, 'dead', null],
      [1, 'dead', null],
    ]);
    expect(found('Two civilians and one militiaman killed in shellings')).toEqual([
      [2, 'dead', null],
      [1, 'dead', null],
    ]);
    expect(found('Forces violated the ceasefire 13 times, one soldier killed')).toEqual([[1, 'dead', null]]);
    expect(found('Ukraine reports 26 truce breaches, one serviceman killed')).toEqual([[1, 'dead', null]]);
  });
});

describe('findQuantities: one person named without a number', () => {
  it('counts one dead or wounded person before a casualty state or after a casualty verb', () => {
    expect(found('Ukrainian soldier killed in Donbas shelling')).toEqual([[1, 'dead', null]]);
    expect(found('A local journalist has been killed in a car bomb explosion.')).toEqual([[1, 'dead', null]]);
    expect(found('A detained activist died in custody.')).toEqual([[1, 'dead', null]]);
    expect(found('A man was wounded by shrapnel.')).toEqual([[1, 'injured', null]]);
    expect(found('Gunmen killed the deputy commander of the border guard.')).toEqual([[1, 'dead', null]]);
  });
  it('counts each person of a list, and a person after a counted list', () => {
    expect(found('Soldier and civilian killed in overnight clashes')).toEqual([
      [1, 'dead', null],
      [1, 'dead', null],
    ]);
    expect(found('Woman killed, child wounded in shelling')).toEqual([
      [1, 'dead', null],
      [1, 'injured', null],
    ]);
    expect(found('Army says two soldiers, army medic killed in the east')).toEqual([
      [2, 'dead', null],
      [1, 'dead', null],
    ]);
  });
  it('adds nothing where a number already counts the person, nobody died, or the person acts', () => {
    expect(found('One soldier was killed.')).toEqual([[1, 'dead', null]]);
    expect(found('No soldier was killed in the exchange of fire.')).toEqual([]);
    expect(found('A soldier killed two civilians.')).toEqual([[2, 'dead', null]]);
    expect(found('The soldier said the convoy was attacked.')).toEqual([]);
  });
});

describe('findQuantities: words between a count and its unit', () => {
  it('allows one other word right before the unit, and plurals of peoples', () => {
    expect(found('Tens of thousands of university students marched.')).toEqual([[20_000, 'people', 'vague']]);
    expect(found('About 300 factory workers walked out.')).toEqual([[300, 'people', 'about']]);
    expect(found('Thousands of Iraqi Kurds demonstrated in Kirkuk.')).toEqual([[2_000, 'people', 'vague']]);
  });
  it('allows no word that opens a phrase of its own', () => {
    expect(found('Between 1 and 2 brigades of reporters.')).toEqual([[2, 'brigades', null]]);
    expect(found('Some 45,000 football fans filled the stadium.')).toEqual([]);
    expect(found('He served 3 long years with troops.')).toEqual([]);
  });
});

describe('findQuantities: model designations between a count and its unit', () => {
  it('reads "40 F-35 jets", "31 M1 Abrams tanks" and "nine S-300 missiles"', () => {
    expect(found('The US approved the sale of 40 F-35 jets.')).toEqual([[40, 'aircraft', null]]);
    expect(found('Ukraine received 31 M1 Abrams tanks.')).toEqual([[31, 'tanks', null]]);
    expect(found('The enemy fired nine S-300 missiles at the city.')).toEqual([[9, 'missiles', null]]);
  });
});

describe('findQuantities: forces named by their corps, advisers by their trade', () => {
  it('counts Revolutionary Guards as troops and military advisers as personnel', () => {
    expect(findQuantities('Iran sent about 1,500 Revolutionary Guards personnel to Syria.').map((q) => [q.value, q.unit])).toEqual([[1500, 'troops']]);
    expect(findQuantities('Moscow sent 120 military instructors to the Central African Republic.').map((q) => [q.value, q.unit])).toEqual([[120, 'personnel']]);
  });
});

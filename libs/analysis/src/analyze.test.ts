import { describe, expect, it } from 'vitest';
import { analyzeSentence, createAnalyzer, RULESET_VERSION } from './analyze.ts';
import type { ReportInput } from './types.ts';

const report = (id: string, headline: string, body: string, source = 'wire-a'): ReportInput => ({
  id, source, source_id: id, published_at: '2026-01-15T09:00:00Z', headline, body, language: 'en',
});

// A made-up report in the shape of a third-party deployment story: hedged claims, a summons, a demand.
const deployment = report(
  'dep-1',
  'Belarus Reportedly Sends Troops to Russia',
  [
    'Ukrainian intelligence said on Friday it has evidence that Belarus is preparing to send about 6,000 soldiers to Russia.',
    'The wire could not independently verify the claim.',
    'On Saturday, the Polish foreign ministry summoned the Belarusian ambassador to protest the move.',
    'Warsaw demanded that Minsk halt any deployment.',
  ].join('\n\n'),
);

describe('createAnalyzer', () => {
  it('finds a hedged third-party troop deployment and a summons, and scores it above diplomacy', () => {
    const analyzer = createAnalyzer();
    const r = analyzer.analyze(deployment);
    expect(r.ruleset_version).toBe(RULESET_VERSION);
    const mobilize = r.events.find((e) => e.type === 'MOBILIZE' && e.quantity !== null);
    expect(mobilize).toMatchObject({ mode: 'troops', actors: ['BLR'], targets: ['RUS'], quantity: { value: 6000, unit: 'troops' } });
    expect(mobilize?.assertion).not.toBe('asserted');
    expect(r.troops).toBe(6000);
    expect(r.hedged).toBe(true);
    expect(r.events.find((e) => e.type === 'ACCUSE')).toMatchObject({ actors: ['POL'], targets: ['BLR'] });
    const diplomatic = analyzer.analyze(report('dip-1', 'Ministers hold talks', 'The foreign ministers of Chile and Peru held talks in Lima and agreed to open a new border crossing.'));
    expect(r.escalation_score).toBeGreaterThan(diplomatic.escalation_score + 30);
  });

  it('reads a formal protest as an accusation, "close to the border" as a place, and "thousands" as no troop count', () => {
    const r = createAnalyzer().analyze(
      report('lt-1', 'Lithuania protests to Minsk', 'Lithuania lodged a formal protest with Minsk on Friday after thousands of Belarusian soldiers were deployed close to the shared border.'),
    );
    expect(r.event_types).toEqual(['ACCUSE', 'MOBILIZE']);
    expect(r.events.find((e) => e.type === 'ACCUSE')).toMatchObject({ actors: ['LTU'], targets: ['BLR'] });
    expect(r.events.find((e) => e.type === 'MOBILIZE')?.quantity).toEqual({ value: 2000, unit: 'troops', qualifier: 'vague' });
    expect(r.troops).toBeNull();
  });

  it('scores non-events near zero', () => {
    const analyzer = createAnalyzer();
    const sport = analyzer.analyze(report('s-1', 'Derby win', 'The visitors attacked from the first whistle and the striker scored twice in the league match before 45,000 fans.'));
    const market = analyzer.analyze(report('m-1', 'Markets slide', 'Stocks crashed on Monday and the index plunged as investors fled to bonds.'));
    const volunteers = analyzer.analyze(report('v-1', 'Beach clean-up', 'An army of volunteers was mobilised to clean the beaches after the storm.'));
    for (const r of [sport, market, volunteers]) expect(r.escalation_score).toBeLessThan(5);
    expect(sport.troops).toBeNull();
  });

  it('reads a match report, a market wrap and a volunteer clean-up as non-events from their headlines down', () => {
    const analyzer = createAnalyzer();
    const match = analyzer.analyze(report('s-2', 'Porto edge Benfica in title battle as Silva fires late winner', [
      'Benfica, who had been under bombardment for much of the half, struck on the counter-attack.',
      '"We attacked for an hour and came away with nothing," the coach said.',
    ].join('\n\n')));
    const wrap = analyzer.analyze(report('m-2', 'Wall St rallies as tech bulls charge back', [
      'U.S. stocks staged their strongest rally in two months as investors charged back into chipmakers.',
      'A survey gave fresh ammunition to the bulls, analysts said.',
    ].join('\n\n')));
    const cleanUp = analyzer.analyze(report('v-2', "'Army' of volunteers battles mud after floods swamp valley towns", '"It looks like a war zone, but the people are fighting back," the mayor said.'));
    const cancer = analyzer.analyze(report('c-1', "Government to pour billions into 'war on cancer' over five years", [
      'The government will spend 1.5 trillion won on cancer research.',
      'It killed about 85,000 people in 2024, according to the statistics office.',
      '"This is a long campaign, not a single offensive," a professor said.',
    ].join('\n\n')));
    const prices = analyzer.analyze(report('c-2', 'Government declares war on drug prices, slashes ceiling rates', '"You cannot win a war on prices by shooting the manufacturers," an industry head said.'));
    for (const r of [match, wrap, cleanUp, cancer, prices]) expect(r.escalation_score).toBeLessThan(10);
    for (const r of [match, wrap, cleanUp]) expect(r.events).toEqual([]);
    const mixed = analyzer.analyze(report('m-3', 'Stocks slide as oil jumps', 'Separately, Russian missiles struck Kharkiv overnight, killing three people.'));
    expect(mixed.event_types).toEqual(['ASSAULT']);
  });

  it('marks a syndicated copy and does not count it as an independent source', () => {
    const analyzer = createAnalyzer();
    const first = analyzer.analyze(deployment);
    const copy = analyzer.analyze({ ...deployment, id: 'dep-2', source: 'wire-b', source_id: 'dep-2' });
    expect(copy.story_id).toBe(first.story_id);
    expect(copy.syndicated).toBe(true);
    expect(copy.independent_sources).toBe(1);
  });

  it('reads the deaths in an accident report as the accident, unless a sentence names armed force', () => {
    const crash = report('acc-1', 'Bus crash kills 43 on a mountain road', [
      'At least 43 people were killed when the bus left the road on Tuesday, police said.',
      'Separately, rebels attacked an army post in the north, killing two soldiers.',
    ].join('\n\n'));
    const r = createAnalyzer().analyze(crash);
    expect(r.events.map((e) => e.evidence)).toEqual(['Separately, rebels attacked an army post in the north, killing two soldiers.']);
  });

  it('analyses no events in a text that is not English', () => {
    const r = createAnalyzer().analyze(report('fr-1', 'Des troupes déployées', "L'armée a déployé des milliers de soldats à la frontière dimanche, selon le ministère de la défense.", 'wire-fr'));
    expect(r.events).toEqual([]);
  });
});

describe('createAnalyzer: hedges that span sentences', () => {
  const claim = report(
    'claim-1',
    'Kyiv says foreign troops have entered combat',
    [
      'North Korean troops have entered combat against Ukrainian forces in the Kursk region, the defence minister said.',
      'Reuters could not independently verify the claim.',
      'South Korea summoned the Russian ambassador.',
    ].join('\n\n'),
  );

  it('reads a sentence that could not be verified as unconfirmed, when the next says so', () => {
    const r = createAnalyzer().analyze(claim);
    const body = r.events.filter((e) => e.type === 'ASSAULT' && e.evidence !== claim.headline);
    expect(body.map((e) => e.assertion)).toEqual(['unconfirmed']);
    expect(r.events.find((e) => e.type === 'ACCUSE')?.assertion).toBe('asserted');
  });

  it('hedges the headline as the body hedges the same act, so the report is hedged', () => {
    const r = createAnalyzer().analyze(claim);
    const headline = r.events.filter((e) => e.evidence === claim.headline);
    expect(headline.map((e) => [e.type, e.assertion])).toEqual([['ASSAULT', 'unconfirmed']]);
    expect(r.hedged).toBe(true);
  });

  it('leaves a headline asserted when the body asserts the act', () => {
    const r = createAnalyzer().analyze(report('plain-1', 'Russian forces shell Kharkiv', 'Russian forces shelled Kharkiv overnight, the governor said.'));
    expect(r.events.map((e) => e.assertion)).toEqual(['asserted', 'asserted']);
  });
});

describe('analyzeSentence: the quantity that measures an attack', () => {
  it('measures an attack by its dead before its wounded, wherever they stand', () => {
    expect(analyzeSentence('Three militiamen wounded, one killed in shelling by Kiev troops')[0]!.quantity).toEqual({ value: 1, unit: 'dead', qualifier: null });
    expect(analyzeSentence('One serviceman killed, seven injured amid enemy attacks in Donbas')[0]!.quantity).toEqual({ value: 1, unit: 'dead', qualifier: null });
  });
  it('adds up the counts of one list of the dead', () => {
    expect(analyzeSentence('Two soldiers, one rebel killed in east Ukraine fighting')[0]!.quantity).toEqual({ value: 3, unit: 'dead', qualifier: null });
  });
});

describe('analyzeSentence: a subject that suffers the act', () => {
  it('makes the one who lost troops the target, and the place where it happened no actor', () => {
    const [loss] = analyzeSentence('Ukrainian forces lost 70 soldiers in Donetsk and Zaporizhzhia regions, the ministry said.');
    expect(loss).toMatchObject({ type: 'ASSAULT', actors: [], targets: ['UKR'] });
    const [suffered] = analyzeSentence('Ukrainian forces suffered heavy losses near Bakhmut.');
    expect(suffered).toMatchObject({ type: 'ASSAULT', actors: [], targets: ['UKR'] });
  });
});

describe('createAnalyzer: background that wire copy repeats', () => {
  it('gives a diplomatic report no attack for the war\'s running toll, and reads no request in "a request for comment"', () => {
    const r = createAnalyzer().analyze(
      report(
        'bg-1',
        'Foreign ministers meet in Geneva',
        'The foreign ministers met in Geneva on Monday to discuss a ceasefire. The war, now in its third year, has killed more than 10,000 civilians. The ministry did not respond to a request for comment.',
      ),
    );
    expect(r.event_types).toEqual(['CONSULT']);
    expect(r.escalation_score).toBeLessThan(10);
  });
});

describe('createAnalyzer: the news against what the report recalls', () => {
  it('scores a diplomatic report by its news, not by the war it recalls', () => {
    const r = createAnalyzer().analyze(
      report('bg-2', 'Armenia and Azerbaijan sign border protocol', [
        'Armenia and Azerbaijan signed a protocol on Friday fixing the first section of their shared border.',
        'Officials in both capitals welcomed the step.',
        'The European Union welcomed the protocol.',
        'The two countries fought two wars over Nagorno-Karabakh, in the early 1990s and in 2020, which together killed tens of thousands of people.',
      ].join('\n\n')),
    );
    expect(r.events.find((e) => e.type === 'ASSAULT')?.background).toBe(true);
    expect(r.escalation_score).toBeLessThan(20);
  });
  it('counts the troops of the news, not of an earlier deployment the report recalls', () => {
    const r = createAnalyzer().analyze(
      report('bg-3', 'North Korea to send 5,000 more troops to Russia', [
        'North Korea said on Monday it would send about 5,000 more soldiers to Russia.',
        'North Korea first sent troops to Russia in late 2024, when some 12,000 soldiers were deployed.',
      ].join('\n\n')),
    );
    expect(r.troops).toBe(5000);
  });
  it('reads months of the report\'s own year that end three months or more before it as background', () => {
    const r = createAnalyzer().analyze({
      ...report('bg-5', 'Navy seizes tanker in the Gulf', [
        'The navy seized an oil tanker in the Gulf on Tuesday, the ministry said.',
        'Warplanes bombed the port in February and March 2026 before a truce was agreed.',
        'Militants shelled the base in September 2026, the ministry added.',
      ].join('\n\n')),
      published_at: '2026-10-20T09:00:00Z',
    });
    const assault = (word: string) => r.events.find((e) => e.type === 'ASSAULT' && e.evidence.includes(word));
    expect(assault('bombed')?.background).toBe(true);
    expect(assault('shelled')?.background).toBeUndefined();
  });
  it('reads a month named without a year, three months or more before the report, as background, and a later month as not', () => {
    const r = createAnalyzer().analyze({
      ...report('bg-6', 'Egypt sends 3,500 troops to Eritrea', [
        'Egypt has sent about 3,500 troops to Eritrea, its army said on Tuesday.',
        'Diplomats estimated in March that Ethiopia had massed some 60,000 troops along the border.',
        'Talks are to resume in November, officials said.',
      ].join('\n\n')),
      published_at: '2026-08-11T06:40:00Z',
    });
    expect(r.troops).toBe(3500);
    expect(r.events.find((e) => e.evidence.includes('60,000'))?.background).toBe(true);
    expect(r.events.find((e) => e.evidence.includes('November'))?.background).toBeUndefined();
  });
  it('reads hours given to troops to pull back as an ultimatum, and hours given to a diplomat to leave as an expulsion', () => {
    expect(analyzeSentence('The army gave the rebel fighters 24 hours to leave the hills.').map((e) => e.type)).toEqual(['THREATEN']);
    expect(analyzeSentence('The ministry gave the attaché 48 hours to leave the country.').map((e) => e.type)).toEqual(['SANCTION']);
  });
  it('hedges the body as its headline does: "…, diplomats say; X denies"', () => {
    const r = createAnalyzer().analyze(
      report('bg-4', 'Ethiopia masses 25,000 troops near Eritrea border, diplomats say; Addis Ababa denies', 'Ethiopia has moved about 25,000 troops toward its northern border with Eritrea, two diplomats said.'),
    );
    expect(r.events.every((e) => e.type !== 'MOBILIZE' || e.assertion === 'denied')).toBe(true);
    expect(r.hedged).toBe(true);
  });
});

describe('createAnalyzer: wars of prices and battlegrounds of elections', () => {
  it('scores a price war and an election battleground near zero, whatever offensive their bodies describe', () => {
    const prices = createAnalyzer().analyze(
      report('fig-1', 'Carmaker fires new salvo in price war with cuts of 15%', 'The carmaker cut prices on nine models on Tuesday. Rivals are expected to respond. The company is also pressing its offensive abroad.'),
    );
    const election = createAnalyzer().analyze(
      report('fig-2', 'Ohio becomes midterm battleground as parties pour money into House races', 'Both parties said they would deploy thousands of volunteers to knock on doors every weekend. The campaigns are bombarding voters with advertisements.'),
    );
    expect(prices.escalation_score).toBeLessThan(10);
    expect(election.escalation_score).toBeLessThan(10);
  });
  it('scores a chess game between players of two countries at war and a legislative offensive near zero', () => {
    const chess = createAnalyzer().analyze(
      report('fig-3', 'Indian grandmaster\'s kingside attack crushes Pakistani rival', 'The Indian grandmaster attacked from the opening and defeated his Pakistani opponent in 29 moves on Sunday.'),
    );
    const bill = createAnalyzer().analyze(
      report('fig-4', 'President launches \'legislative offensive\' on pension bill', 'The president launched what aides called a legislative offensive to win votes for the bill. "It is a full-frontal offensive," an analyst said.'),
    );
    expect(chess.escalation_score).toBeLessThan(10);
    expect(bill.escalation_score).toBeLessThan(10);
  });
});

describe('analyzeSentence: third parties named by their forces or their firms', () => {
  it('reads Revolutionary Guards sent to Yemen as Iran entering the war there, drone components as military aid', () => {
    const [sent] = analyzeSentence('Iran has sent hundreds of Revolutionary Guards advisers to Yemen to help the Houthis.');
    expect(sent).toMatchObject({ type: 'MOBILIZE', actors: ['IRN'], targets: ['YEM'] });
    const [supplied] = analyzeSentence('Chinese companies supplied drone components to Russia, US officials said.');
    expect(supplied).toMatchObject({ type: 'AID', mode: 'military', actors: ['CHN'], targets: ['RUS'] });
  });
});

import { describe, expect, it } from 'vitest';
import { classifySentence, isBackground } from './classify.ts';
import { analyzeSentence } from './sentence.ts';
import { inflect, patternSource } from './patterns.ts';

const types = (s: string) => classifySentence(s).map((e) => e.type);
const first = (s: string) => classifySentence(s)[0];

describe('inflect', () => {
  const rules = { irregular: { send: ['sent'] }, double: ['ban'] };
  it('builds regular, doubled, -e, -y and irregular forms', () => {
    expect(inflect('attack', rules)).toEqual(expect.arrayContaining(['attacks', 'attacked', 'attacking']));
    expect(inflect('ban', rules)).toEqual(expect.arrayContaining(['banned', 'banning']));
    expect(inflect('seize', rules)).toEqual(expect.arrayContaining(['seized', 'seizing']));
    expect(inflect('deny', rules)).toEqual(expect.arrayContaining(['denied', 'denies']));
    expect(inflect('send', rules)).toContain('sent');
    expect(inflect('call off', rules)).toContain('called off');
  });
});

describe('classifySentence: the sixteen PLOVER types', () => {
  const cases: [string, string, string | null][] = [
    ['The two governments agreed to reopen their shared border crossing next month.', 'AGREE', null],
    ['The foreign minister visited Hanoi on Tuesday for talks on fishing rights.', 'CONSULT', 'visit'],
    ['The president telephoned his counterpart to discuss the crisis.', 'CONSULT', 'phone'],
    ['The parliament ratified the friendship treaty with its northern neighbour.', 'SUPPORT', null],
    ['The government lifted the nightly curfew in the capital.', 'CONCEDE', null],
    ['Navies of the three countries began joint naval exercises in the gulf.', 'COOPERATE', null],
    ['The alliance delivered artillery shells and air defence systems to the army.', 'AID', 'military'],
    ['The agency shipped 4,000 tons of food aid to the flooded province.', 'AID', 'humanitarian'],
    ['The rebels released twelve hostages on Friday.', 'RETREAT', 'release'],
    ['The defence minister resigned after the scandal.', 'RETREAT', 'resign'],
    ['The opposition demanded early elections.', 'REQUEST', null],
    ['The ministry summoned the ambassador over the border incident.', 'ACCUSE', null],
    ['The government accused its neighbour of harbouring militants.', 'ACCUSE', null],
    ['The cabinet rejected the proposal for a joint commission.', 'REJECT', null],
    ['The militia threatened to shell the port if the siege continued.', 'THREATEN', 'violence'],
    ['The regime threatened a nuclear strike against any invader.', 'THREATEN', 'nuclear'],
    ['Thousands of students staged demonstrations in the capital.', 'PROTEST', 'demo'],
    ['Two prisoners began a hunger strike over their conditions.', 'PROTEST', 'strike-hun'],
    ['The European Union imposed new sanctions on the shipping company.', 'SANCTION', null],
    ['The government expelled two diplomats for espionage.', 'SANCTION', 'expel'],
    ['The army deployed 3,000 troops to the border region.', 'MOBILIZE', 'troops'],
    ['The navy moved two destroyers into the strait.', 'MOBILIZE', 'weapons'],
    ['Police arrested forty protest leaders overnight.', 'COERCE', 'arrest'],
    ['The junta declared martial law across the country.', 'COERCE', 'martial-law'],
    ['Artillery shelled the town overnight, killing nine civilians.', 'ASSAULT', 'heavy-weapons'],
    ['A car bomb exploded outside the ministry, killing four people.', 'ASSAULT', 'explosives'],
    ['Gunmen opened fire on a bus near the checkpoint.', 'ASSAULT', 'firearms'],
  ];
  it.each(cases)('%s → %s/%s', (sentence, type, mode) => {
    const event = classifySentence(sentence).find((e) => e.type === type);
    expect(event, JSON.stringify(classifySentence(sentence))).toBeDefined();
    if (mode) expect(event?.mode).toBe(mode);
  });
});

describe('classifySentence: complements, intent and conditions', () => {
  it('reads the act a threat names as the threat, not the act', () => {
    expect(types('The rebels threatened to attack the airport.')).toEqual(['THREATEN']);
  });
  it('reads a promise of aid as AGREE', () => {
    expect(types('The government will provide emergency loans to the island.')).toEqual(['AGREE']);
  });
  it('reads a future sanction with a condition as a threat', () => {
    expect(first('The bloc will cut trade ties unless the army withdraws.')?.type).toBe('THREATEN');
  });
  it('keeps the content of an accusation, marked as claimed', () => {
    const events = classifySentence('The ministry accused the rebels of shelling the market.');
    expect(events.map((e) => e.type)).toEqual(['ACCUSE', 'ASSAULT']);
    expect(events[1]?.claimed).toBe(true);
  });
  it('does not treat a demanded withdrawal as a withdrawal', () => {
    expect(types('The council demanded the withdrawal of all foreign forces.')).toEqual(['REQUEST']);
  });
  it('reads third-party troops sent to a belligerent as MOBILIZE/troops', () => {
    expect(first('The country is preparing to send 8,000 soldiers to its ally.')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
  });
  it('reads peacekeepers as aid', () => {
    expect(first('The union deployed 600 peacekeeping troops to the region.')?.type).toBe('AID');
  });
});

describe('classifySentence: "close to" is a place, not a closure', () => {
  it.each([
    ['Troops were deployed close to the border.', []],
    ['The camp lies close by the embassy.', []],
    ['The government closed the border with its neighbour.', ['SANCTION']],
    ['Authorities closed two opposition newspapers.', ['COERCE']],
  ])('%s', (sentence, expected) => {
    expect(types(sentence).filter((t) => t === 'SANCTION' || t === 'COERCE')).toEqual(expected);
  });
});

describe('classifySentence: non-events', () => {
  it.each([
    'The visitors attacked down the left wing and the striker scored twice in the league match.',
    'Stocks crashed and the index plunged as investors fled to bonds.',
    'An army of volunteers was mobilised to clean the beaches.',
    'He was taken to hospital after a heart attack.',
    'The film bombed at the box office.',
    'The company will release its quarterly results on Thursday.',
  ])('%s', (sentence) => {
    expect(types(sentence).filter((t) => t === 'ASSAULT' || t === 'MOBILIZE' || t === 'RETREAT')).toEqual([]);
  });
});

describe('classifySentence: how front-line reports word armed violence', () => {
  // Phrasings of lethal events in conflict reporting that a verb-of-attack lexicon misses.
  it.each([
    ['Special police shot dozens of protesters in the square, an inquiry found.', 'firearms'],
    ['Two soldiers were shot near the checkpoint overnight.', 'firearms'],
    ['Army units hit an enemy command post and a fuel depot near the river.', null],
    ['A passenger bus hit a landmine on the road to the coast, killing four.', 'explosives'],
    ['The air force made five strikes against enemy positions on Sunday.', null],
    ['The brigade lost more than 50 servicemen in two days of fighting.', null],
    ['One KIA, two WIA in the eastern sector on Tuesday, the command said.', null],
    ['Four soldiers died in rebel fire near the airport.', null],
    ['Separatists downed a military transport plane over the region.', null],
    ['A helicopter was downed by a shoulder-fired missile.', null],
    ['The troops fired from multiple-launch rocket systems at the town.', 'heavy-weapons'],
    ['Border guards eliminated a sabotage group near the village.', null],
    ['The defenders repelled three attacks on the bridgehead.', null],
    ['The navy sank an enemy landing ship in the bay.', null],
    ['Government forces tried to counterattack twice over the weekend.', null],
    ['Eleven civilians died in shellings of the city last week.', 'heavy-weapons'],
    ['Azerbaijan and Armenia traded fire along their border.', null],
    ['Armoured columns have advanced into the neighbouring region.', null],
    ['Azerbaijani troops entered Armenian territory overnight.', null],
  ])('%s', (sentence, mode) => {
    const e = classifySentence(sentence).find((m) => m.type === 'ASSAULT');
    expect(e, sentence).toBeDefined();
    if (mode) expect(e!.mode).toBe(mode);
  });

  it.each([
    'The documentary was shot in the mountains last winter.',
    'Hyundai and Kia recalled 90,000 cars over a wiring fault.',
    'She was fired from her job at the ministry in March.',
    'The company lost 200 employees after the merger.',
    'Shares hit a record high as investors cheered the results.',
    'The trade deal will eliminate tariffs on farm goods.',
    'The storm hit three military bases on the coast, cutting power.',
  ])('finds no assault in: %s', (sentence) => {
    expect(types(sentence)).not.toContain('ASSAULT');
  });
});

describe('classifySentence: accidents, disasters and street protests', () => {
  it.each([
    '43 killed in bus crash on the mountain road',
    'Strong earthquake in the west of the country kills 47 people',
    'Floods kill two and force 75,000 from their homes',
    'A tsunami warning was issued for the southern coast',
    'Ten killed in coal mine blast',
    'Bus station fire kills seven',
    'The racing driver is fighting for his life after a skiing accident',
    'The cyclist dropped his fight against doping charges',
    'The son of the preacher killed himself, the family said',
    'Helicopters evacuated the wounded from the besieged town.',
  ])('reports no assault or threat in: %s', (sentence) => {
    expect(types(sentence).filter((t) => t === 'ASSAULT' || t === 'THREATEN')).toEqual([]);
  });
  it('still reads an attack near a crash site as an attack', () => {
    expect(types('Separatists shot down a plane; the crash site is in rebel hands.')).toContain('ASSAULT');
  });
  it('still reads rocket fire that kills as an assault', () => {
    expect(types('Rocket fire kills three in the border town')).toContain('ASSAULT');
  });
  it('still reads a landmine blast as an assault', () => {
    expect(types('A local resident was killed by a mine blast near the village.')).toContain('ASSAULT');
  });
  it('reads protests in the street as PROTEST and a government protest as ACCUSE', () => {
    expect(types('Thousands joined protests against the war in the capital.')).toEqual(['PROTEST']);
    expect(types('Twenty dead in film protests across the country')).toContain('PROTEST');
    expect(types('China protests Japan visit to war shrine')).toContain('ACCUSE');
  });
});

describe('classifySentence: a strike on a named place', () => {
  it('reads "struck <Place>" as an assault, and not a struck deal, chord or weekday', () => {
    expect(types('Russian missiles struck Kharkiv overnight.')).toContain('ASSAULT');
    expect(types('Israel struck the city of Tyre on Sunday.')).toContain('ASSAULT');
    expect(types('The two leaders struck a deal on Friday.')).not.toContain('ASSAULT');
    expect(types('The speech struck a chord with voters.')).not.toContain('ASSAULT');
    expect(types('An earthquake struck Turkey on Monday.')).not.toContain('ASSAULT');
  });
});

describe('classifySentence: a show of force in the air', () => {
  it('reads scrambled fighter jets as MOBILIZE/weapons', () => {
    expect(first('The air force scrambled fighter jets after missiles entered its airspace.')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
    expect(types('The team advanced into the final.')).toEqual([]);
  });
});

describe('classifySentence: tests, sanctions packages and conditional measures', () => {
  it('reads a missile test as a show of force, not an attack', () => {
    expect(first('The North test-fired an intercontinental ballistic missile into the sea.')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
    expect(first('The navy conducted a hypersonic missile test on Sunday.')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
  });
  it('reads an agreed package of sanctions as SANCTION, and agreeing to lift them as no sanction', () => {
    expect(types('The bloc agreed a 14th package of sanctions against its neighbour.')).toContain('SANCTION');
    expect(types('The bloc agreed to lift sanctions on its neighbour.')).not.toContain('SANCTION');
    expect(types('Governments agreed on Saturday to impose new sanctions on the airline.')).toEqual(['SANCTION']);
  });
  it('reads "would take resolute measures if" as a threat, and "will take steps to improve" as none', () => {
    expect(types('The ministry said it would take "resolute measures" if the patrols continued.')).toContain('THREATEN');
    expect(types('The government will take steps to improve the economy.')).not.toContain('THREATEN');
  });
});

describe('classifySentence: arrivals, call-ups, moved weapons and street protests', () => {
  it.each([
    ['Up to 1,500 special forces have already arrived in the port city.', 'MOBILIZE', 'troops'],
    ['Some 200 tanks and 50 aircraft were moved to the region.', 'MOBILIZE', 'weapons'],
    ['The army called up 300,000 reservists.', 'MOBILIZE', 'troops'],
    ['More than 10,000 people protested in the capital.', 'PROTEST', 'demo'],
    ['The two sides swapped 95 prisoners of war.', 'RETREAT', 'release'],
    ['The navy blockaded the island with warships.', 'COERCE', 'restrict'],
    ['The militants are holding about 100 hostages.', 'ASSAULT', 'abduct'],
  ])('%s', (sentence, type, mode) => {
    expect(first(sentence)).toMatchObject({ type, mode });
  });
  it('reads peacekeepers arriving as no show of force', () => {
    expect(types('The first peacekeeping troops have arrived in the capital.')).not.toContain('MOBILIZE');
  });
  it('reads "killed in the strike" as no labour strike', () => {
    expect(types('At least 12 civilians were killed and 30 wounded in the strike.')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: a rejected request is no request', () => {
  it('covers the governing noun right after a frame, and what that noun governs', () => {
    expect(types('The government rejected a U.S. request to interrogate the detainees.')).toEqual(['REJECT']);
    expect(types('The council rejected a call for its peacekeeping forces to be deployed in the region.')).toEqual(['REJECT']);
    expect(types('The opposition leader rejected an offer to host a summit next month.')).toEqual(['REJECT']);
  });
  it('reads a threatened cut-off as the threat only', () => {
    expect(types('The government threatened to break off diplomatic relations over the visit.')).toEqual(['THREATEN']);
    expect(types('The ministry threatened to cut off gas supplies unless the troops withdrew.')).toEqual(['THREATEN']);
  });
  it('still reads a later, separate request', () => {
    expect(types('The government rejected the plan and urged both sides to return to talks.')).toContain('REQUEST');
  });
});

describe('analyzeSentence: the receiver of aid', () => {
  it('reads the one who receives as the target and the one it came from as the actor', () => {
    const [e] = analyzeSentence('Ukraine received its first F-16 fighter jets from Denmark.');
    expect(e).toMatchObject({ type: 'AID', mode: 'military', actors: ['DNK'], targets: ['UKR'], quantity: null });
    expect(types('The army received new uniforms.')).toEqual([]);
  });
});

describe('classifySentence: retaliation, ultimatums and requests for weapons', () => {
  it.each([
    ['The North vowed to retaliate with "overwhelming force" against any provocation.', 'THREATEN'],
    ['The ministry warned of a "crushing response" if the drills went ahead.', 'THREATEN'],
    ['The government said it was ready to use all available means to defend its territory.', 'THREATEN'],
    ['The army retaliated against the rebels with air strikes.', 'ASSAULT'],
    ['The president asked its allies for more air defence systems.', 'REQUEST'],
  ])('%s', (sentence, type) => {
    expect(types(sentence)).toContain(type);
  });
  it('reads the giver of an ultimatum as acting on the one it names', () => {
    expect(analyzeSentence('Turkey gave Sweden an ultimatum to hand over the suspects.')[0]).toMatchObject({ type: 'THREATEN', actors: ['TUR'], targets: ['SWE'] });
  });
  it('reads warnings about the economy as no threat', () => {
    expect(types('Economists warned of serious consequences for the economy.')).toEqual([]);
  });
});

describe('classifySentence: a past act named to date the main one', () => {
  it('codes the main act, not the act after or since which it happened', () => {
    expect(types('The ministry expelled three diplomats in the week since last month’s invasion.')).toEqual(['SANCTION']);
    expect(types('After bloody clashes on Friday, the two governments agreed to a ceasefire.')).toEqual(['AGREE']);
    expect(types('Police detained 40 people after the rally in the capital.')).toEqual(['COERCE']);
  });
  it('keeps the anchor when it is the only act, or of the main act’s own type', () => {
    expect(types('Three dead after a missile strike on the port.')).toEqual(['ASSAULT']);
    expect(first('Two civilians died after the shelling of the village.')?.mode).toBe('heavy-weapons');
  });
  it('keeps a clause with its own subject: "after rebels attacked the town"', () => {
    expect(types('The army imposed a curfew after rebels attacked the town.')).toEqual(['COERCE', 'ASSAULT']);
  });
});

describe('analyzeSentence: where the first trigger names nobody', () => {
  const roles = (s: string) => analyzeSentence(s).map((e) => `${e.type} ${e.actors.join(',')}>${e.targets.join(',')}`);
  it('reads actors at the same act named later in the sentence', () => {
    expect(roles('Three people were killed in a Russian drone attack on Odesa.')).toEqual(['ASSAULT RUS>UKR']);
    expect(roles('Three people were killed when Russian drones attacked Odesa.')).toEqual(['ASSAULT RUS>UKR']);
  });
  it('reads a missile that slammed into a building as no criticism', () => {
    expect(types('A Russian missile slammed into an apartment block in Dnipro, killing 12 people.')).toEqual(['ASSAULT']);
    expect(types('Germany slammed the decision to annex the region.')).toEqual(['ACCUSE']);
  });
});

describe('classifySentence: strikes on buildings and places', () => {
  it('reads a weapon hitting a building, a strike on a place and a pounding as assaults', () => {
    expect(types('A Russian missile struck an apartment block in Dnipro.')).toEqual(['ASSAULT']);
    expect(types('Israeli strikes hit a hospital in the north of the strip.')).toEqual(['ASSAULT']);
    expect(types('An Israeli strike on southern Lebanon killed two soldiers.')).toEqual(['ASSAULT']);
    expect(types('Russian forces pounded the town with artillery overnight.')).toEqual(['ASSAULT']);
  });
  it('does not read budget cuts, a strike on a weekday or on hold, or a pounding heart as assaults', () => {
    expect(types('Budget cuts hit hospitals across the country.')).toEqual([]);
    expect(types('The union called a strike on Monday.')).toEqual(['PROTEST']);
    expect(types('The president put the strike on hold.')).not.toContain('ASSAULT');
    expect(types('Her heart was pounding as the results came in.')).toEqual([]);
  });
  it('reads missiles fired into the sea as a show of force', () => {
    expect(first('The North fired two short-range ballistic missiles into the sea.')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
  });
});

describe('analyzeSentence: headline casualties', () => {
  const roles = (s: string) => analyzeSentence(s).map((e) => `${e.type} ${e.actors.join(',')}>${e.targets.join(',')}`);
  it('reads the victims as targets and the act they died in for the actor', () => {
    expect(roles('Two Ukrainian soldiers killed in Russian shelling')).toEqual(['ASSAULT RUS>UKR']);
    expect(roles('Four Palestinians killed in Israeli airstrikes')).toEqual(['ASSAULT ISR>PSE']);
    expect(roles('NATO soldier killed in Afghanistan blast')).toEqual(['ASSAULT >NATO']);
    expect(roles('12 killed in Gaza in Israeli airstrikes')).toEqual(['ASSAULT ISR>PSE']);
  });
});

describe('classifySentence: releases, lifted boycotts, defiance and killings', () => {
  it('reads freed aid workers as a release and a lifted boycott as a concession', () => {
    expect(first('The militants freed three aid workers.')).toMatchObject({ type: 'RETREAT', mode: 'release' });
    expect(types('The government lifted its boycott of the neighbour’s goods.')).toEqual(['CONCEDE']);
  });
  it('reads defiance of an authority as a rejection, and not defied expectations', () => {
    expect(types('The republic defied the federal government.')).toEqual(['REJECT']);
    expect(types('The film defied expectations.')).toEqual([]);
  });
  it('reads battling rebels and mass killings as assaults, and not battling a blaze or a disaster', () => {
    expect(types('Government forces were battling rebels for control of the town.')).toEqual(['ASSAULT']);
    expect(types('The report documented mass killings and atrocities in the region.')).toEqual(['ASSAULT']);
    expect(types('Firefighters were battling the blaze.')).toEqual([]);
    expect(types('The engineer who battled the nuclear disaster died.')).toEqual([]);
  });
});

describe('classifySentence: diplomacy, designations and seizures at sea', () => {
  it('reads trips for talks and brokered truces as consultations', () => {
    expect(first('The envoy travelled to the capital for consultations on the deal.')).toMatchObject({ type: 'CONSULT', mode: 'visit' });
    expect(first('The mediator brokered a truce between the two militias.')).toMatchObject({ type: 'CONSULT', mode: 'third-party' });
    expect(types('A member of the team trying to broker a peace pact spoke to reporters.')).toEqual([]);
  });
  it('reads recognising a new government as support, and an apology as the apology only', () => {
    expect(types('Washington recognised the new government in Damascus.')).toEqual(['SUPPORT']);
    expect(types('The navy apologised for intercepting a fishing boat.')).toEqual(['SUPPORT']);
  });
  it('reads designated financiers as sanctioned and an intercepted tanker as seized', () => {
    expect(types('The Treasury designated four financiers of the group.')).toEqual(['SANCTION']);
    expect(first('The navy intercepted a tanker in the gulf.')).toMatchObject({ type: 'COERCE', mode: 'seize' });
  });
  it('reads a warning of consequences as a threat, and of consequences for health as none', () => {
    expect(types('Moscow warned of "consequences" if the missiles were used.')).toEqual(['THREATEN']);
    expect(types('Doctors warned of serious consequences for public health.')).toEqual([]);
  });
  it('covers a participle that describes the frame’s object, but not one after a comma', () => {
    expect(types('Russia vetoed a UN resolution condemning the annexation.')).toEqual(['REJECT']);
    expect(types('Russia rejected the proposal, accusing Kyiv of sabotage.')).toContain('ACCUSE');
  });
  it('reads "asked" with a long object before "to" as a request', () => {
    expect(types('Ukraine asked the International Criminal Court to investigate the strike.')).toEqual(['REQUEST']);
  });
});

describe('classifySentence: forces and warheads on the move', () => {
  it('reads a force to be sent and warheads moved as mobilisation', () => {
    expect(first('A 5,000-strong force will be sent to the region.')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
    expect(first('Russia moved nuclear warheads to Belarus.')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
  });
});

describe('classifySentence: salvoes, operations, targets and readiness', () => {
  it('reads missiles launched at a country and a launched military operation as assaults', () => {
    expect(first('Iran launched more than 180 ballistic missiles at Israel on Tuesday evening.')).toMatchObject({ type: 'ASSAULT', mode: 'heavy-weapons' });
    expect(types('The army launched a large-scale military operation in the north.')).toEqual(['ASSAULT']);
    expect(types('The rebels said they had targeted a destroyer with missiles and drones.')).toEqual(['ASSAULT']);
    expect(types('Troops crossed into the neighbouring country overnight.')).toEqual(['ASSAULT']);
  });
  it('does not read targeted sanctions or advertising as assaults', () => {
    expect(types('The firm targeted young customers with advertising.')).toEqual([]);
  });
  it('reads combat readiness as mobilisation, not combat', () => {
    expect(first('Serbia put its army on the highest level of combat readiness.')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
  });
  it('reads a vow to respond or avenge as a threat', () => {
    expect(first('The group vowed to avenge the killing of its leader.')).toMatchObject({ type: 'THREATEN', mode: 'violence' });
  });
});

describe('classifySentence: acts of the distant past beside the news', () => {
  it('codes the main act, not one dated years or months ago in its own stretch of the sentence', () => {
    expect(types('The government paid compensation to families for land they lost when the army expelled them 18 years ago.')).toEqual(['RETREAT']);
    expect(types('About 100 people demonstrated on Tuesday in the province, where 24 people were killed in riots last March.')).toEqual(['PROTEST']);
  });
  it('keeps an act dated last week, and a dated act that is the only one', () => {
    expect(types('The ministry expelled three diplomats last week.')).toEqual(['SANCTION']);
    expect(types('Rebels attacked the town two weeks ago.')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: positions and commitments', () => {
  it('reads "positions of … forces" and "crimes committed by … forces" as no troop movement', () => {
    expect(types('Tanks shelled positions of the security forces near the town.')).toEqual(['ASSAULT']);
    expect(types('The court examined crimes committed by the forces in the war.')).toEqual([]);
  });
  it('still reads positioned or committed troops as mobilisation', () => {
    expect(first('The country committed 2,000 troops to the mission.')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
    expect(first('Russia positioned 40,000 troops near the border.')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
  });
});

describe('classifySentence: strikes that kill, landings and sailings', () => {
  it('reads "the strike killed" as an assault and workers on strike as no assault', () => {
    expect(types('The strike killed 12 people, including three children.')).toEqual(['ASSAULT']);
    expect(types('Workers on strike in the port.')).not.toContain('ASSAULT');
  });
  it('reads units landing, moving to the front and warships sailing near a country as mobilisation', () => {
    expect(first('A battalion of about 600 marines landed on the island.')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
    expect(first('The 2,000-strong brigade moved to the front line.')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
    expect(first('Two aircraft carriers and 20 warships sailed near the island.')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
    expect(types('The plane landed in the capital.')).toEqual([]);
  });
});

describe('classifySentence: foreign troops seen, shells transferred, units under fire', () => {
  it('reads troops spotted or training in a country as present there', () => {
    expect(first('North Korean soldiers have been spotted in the Kursk region, intelligence said.')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
    expect(first('Thousands of troops are training at bases in the far east.')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
    expect(types('Soldiers were seen looting shops.')).toEqual([]);
  });
  it('reads transferred shells as military aid (transfer doubles its r)', () => {
    expect(first('North Korea has transferred millions of artillery shells to Russia.')).toMatchObject({ type: 'AID', mode: 'military' });
  });
  it('reads coming under fire as an assault on the subject', () => {
    const e = analyzeSentence('Ukrainian positions near Bakhmut came under heavy shelling from Russian forces.');
    expect(e.map((x) => [x.type, x.actors, x.targets])).toEqual([['ASSAULT', ['RUS'], ['UKR']]]);
  });
});

describe('classifySentence: fires, stockpiles and occupied land', () => {
  it('reads a fire that kills as an accident, and mortar fire that kills as an assault', () => {
    expect(types('Fire in a psychiatric hospital kills 38')).toEqual([]);
    expect(types('Garment factory fire \'kills 8\'')).toEqual([]);
    expect(types('Mortar fire kills 105 in the city')).toEqual(['ASSAULT']);
  });
  it('reads destroying a chemical weapons stockpile as no assault', () => {
    expect(types('The country must destroy its chemical weapons stockpile.')).toEqual([]);
    expect(types('Troops destroyed an ammunition depot.')).toEqual(['ASSAULT']);
  });
  it('reads "occupied territory" as a place, and occupying a town as an assault', () => {
    expect(types('occupied Palestinian territory: talks resume')).not.toContain('ASSAULT');
    expect(types('Russian forces occupied the town overnight.')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: suspects, plant blasts, outbreaks and plans', () => {
  it('reads a bombing or shooting suspect as no new attack', () => {
    expect(types('Bombing suspect to appear in court')).toEqual([]);
    expect(types('Shooting suspect was under a psychiatrist’s care')).toEqual([]);
  });
  it('reads plant blasts and food poisoning as accidents, a mine blast as an attack', () => {
    expect(types('More than 100 injured in fertiliser plant blast')).toEqual([]);
    expect(types('Food poisoning kills at least 20 children')).toEqual([]);
    expect(types('A soldier was killed by a mine blast near the village.')).toEqual(['ASSAULT']);
  });
  it('reads a military plane crash as a crash, and a crash caused by a missile or followed by an attack as an attack', () => {
    expect(types('Military plane crash kills 20 soldiers')).toEqual([]);
    expect(types('Navy jet crashes into Virginia buildings, injuring six')).toEqual([]);
    expect(types('A helicopter crashed after it was hit by a missile, killing 5 soldiers')).toEqual(['ASSAULT']);
    expect(types('Rebels attacked the crash site, killing 3 soldiers')).toEqual(['ASSAULT']);
  });
  it('reads gas leaks, volcanic eruptions and road mishaps as accidents', () => {
    expect(types('Liquid ammonia leak kills 15 in Shanghai')).toEqual([]);
    expect(types('Schoolchildren among 14 killed by volcano eruption')).toEqual([]);
    expect(types('Three killed, 21 injured in two road mishaps')).toEqual([]);
  });
  it('reads missiles launched at no one as a show of force, and missiles fired at a city as an attack', () => {
    expect(first('North Korea launches short-range missiles')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
    expect(first('North Korea fires two ballistic missiles into the sea')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
    expect(types('Russia fired cruise missiles at Kyiv')).toEqual(['ASSAULT']);
  });
  it('reads blasts at refineries, gas cylinder blasts and factory collapses as accidents, unless shelling caused them', () => {
    expect(types('Explosion at Venezuela Refinery Kills at Least 39')).toEqual([]);
    expect(types('Gas cylinder blast on a school bus kills 17')).toEqual([]);
    expect(types('Garment factory collapse kills 149')).toEqual([]);
    expect(types('Blast at chemical plant in Donetsk due to bombardments by Kiev forces')).toEqual(['ASSAULT']);
  });
  it('reads plans for attacks as no attack', () => {
    expect(types('The ministry adjusts plans for more intense attacks on the rebels.')).toEqual([]);
  });
});

describe('classifySentence: anniversaries, debates and release from jail', () => {
  it('reads an act remembered as no act now, and clashes on an anniversary as clashes', () => {
    expect(types('The country marks the anniversary of the massacre.')).toEqual([]);
    expect(types('A memorial honours 77 massacre victims.')).toEqual([]);
    expect(types('Violent clashes mark the anniversary of the uprising.')).toEqual(['ASSAULT']);
  });
  it('reads candidates clashing in a debate as no assault', () => {
    expect(types('The candidates clash on tax and the economy in the first debate.')).toEqual([]);
  });
  it('reads freed from jail as a release, not an arrest', () => {
    expect(first('The activist was freed from jail on Monday.')).toMatchObject({ type: 'RETREAT', mode: 'release' });
  });
});

describe('classifySentence: preparations, self-immolation, animals and trains', () => {
  it('reads a prepared attack as mobilisation and self-immolation as protest', () => {
    expect(first('The navy prepares an attack on the port.')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
    expect(types('A monk set himself on fire in protest.')).toEqual(['PROTEST']);
    // The damage a riot does is the riot (the PLOVER gold codes prisoners who riot "setting fire to their mattresses" PROTEST only).
    expect(types('Rioters set the building on fire.')).toEqual(['PROTEST']);
    expect(types('Settlers set fire to the offices overnight.')).toEqual(['ASSAULT']);
  });
  it('reads an animal attack and a train blast as no assault', () => {
    expect(types('Zoo worker dies after tiger attack')).toEqual([]);
    expect(types('Freight train blast death toll hits three')).toEqual([]);
  });
});

describe('classifySentence: front-line reports of advances, losses and captures', () => {
  it('reads advances, ousted enemies, break-through attempts and stopped advances as assaults', () => {
    expect(types('The army advanced almost 50 kilometers in three days.')).toEqual(['ASSAULT']);
    expect(types('Troops ousted the enemy from more than twenty settlements.')).toEqual(['ASSAULT']);
    expect(types('Enemy forces tried to break through near the village, but to no avail.')).toEqual(['ASSAULT']);
    expect(types('Border guards stopped the advance of two dozen fighters.')).toEqual(['ASSAULT']);
    expect(types('About 60 invaders liquidated in the region.')).toEqual(['ASSAULT']);
  });
  it('reads losses as an assault on the one who lost', () => {
    const e = analyzeSentence('Ukraine lost 50 soldiers in the battle.');
    expect(e.map((x) => [x.type, x.actors, x.targets])).toEqual([['ASSAULT', [], ['UKR']]]);
    expect(types('Losses of the enemy in the direction amounted to 80 military per day.')).toEqual(['ASSAULT']);
    expect(types('Economic losses amounted to 5 billion dollars.')).toEqual([]);
  });
  it('reads captured soldiers as an assault and a drug lord captured by marines as none', () => {
    expect(types('The militants captured three servicemen.')).toEqual(['ASSAULT']);
    expect(types('Drug lord captured by marines in the port city.')).not.toContain('ASSAULT');
  });
  it('reads "the strike of the armed forces" as no labour strike', () => {
    expect(types('Ten soldiers were wounded as a result of the strike of the Russian Armed Forces.')).not.toContain('PROTEST');
  });
});

describe('classifySentence: diplomatic pressure in its common forms', () => {
  it('reads retaliation by expulsion as the expulsion only, and by air strikes as an assault', () => {
    expect(types('Moscow retaliated by expelling ten British diplomats.')).toEqual(['SANCTION']);
    expect(types('Israel retaliated with air strikes on Gaza.')).toEqual(['ASSAULT']);
  });
  it('reads entry bans and oil price caps as sanctions', () => {
    expect(types('Russia banned entry to 500 Americans.')).toEqual(['SANCTION']);
    expect(types('The G7 leaders agreed to cap the price of Russian oil.')).toEqual(['SANCTION']);
  });
  it('reads a blocked membership bid or inspectors as rejection, blocked access as a restriction', () => {
    expect(types('Turkey blocked Sweden’s NATO membership bid.')).toEqual(['REJECT']);
    expect(types('Iran blocked inspectors from visiting the site.')).toEqual(['REJECT']);
    expect(first('The North blocked access to the industrial zone.')).toMatchObject({ type: 'COERCE', mode: 'restrict' });
  });
  it('reads an approved sale of jets as military aid', () => {
    expect(first('The Pentagon approved the sale of F-35 jets to the UAE.')).toMatchObject({ type: 'AID', mode: 'military' });
  });
});

describe('classifySentence: what the anchored act did', () => {
  it('reads a relative clause on an anchored act as background too', () => {
    expect(types('The two countries agreed to a ceasefire after two days of fighting that killed at least 49 soldiers.')).toEqual(['AGREE']);
    expect(types('Three dead after a missile strike that hit the port.')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: anchors with a modifier, during and amid', () => {
  it('reads "after border clashes", "during the attack" and "amid protests" as background to the main act', () => {
    expect(types('The two countries agree a ceasefire after border clashes')).toEqual(['AGREE']);
    expect(types('Poland scrambled fighter jets to protect its airspace during the attack.')).toEqual(['MOBILIZE']);
    expect(types('The prime minister resigns amid protests')).toEqual(['RETREAT']);
  });
  it('keeps a clause after the preposition: "after a vehicle kills a child", "after attempts to attack"', () => {
    expect(types('A rally urges troops to leave after combat vehicle kills 8-year-old')).toContain('ASSAULT');
    expect(types('The troops retreated after attempts to attack in the south.')).toContain('ASSAULT');
  });
});

describe('classifySentence: the act a protest is about', () => {
  it('reads the act protested as what the protest is about, not an act of its own', () => {
    expect(types('Opposition parties called a general strike in protest of last week’s arrest of activists.')).toEqual(['PROTEST']);
    expect(types('Students marched through the city to protest the decision to send troops abroad.')).toEqual(['PROTEST']);
    expect(types('Thousands rallied against the invasion outside the embassy.')).toEqual(['PROTEST']);
  });
  it('keeps the act when nothing in the sentence protests it', () => {
    expect(types('The invasion began at dawn.')).toEqual(['ASSAULT']);
    expect(types('Stocks rallied against the dollar.')).toEqual([]);
  });
});

describe('classifySentence: a clause opened by "as"', () => {
  it('ends what a vow or a threat covers at "as": the attack in the "as" clause happened', () => {
    expect(types('Ukraine rebels vow new offensive as rockets kill 30')).toEqual(['THREATEN', 'ASSAULT']);
    expect(types('The government said it is prepared to impose martial law as street battles raged in the capital.')).toContain('ASSAULT');
  });
  it('keeps "as he …", "such as" and "as a result" inside the clause', () => {
    expect(types('The minister said Libya must hand over the suspects as he embarked on a trip to seek support.')).toEqual(['REQUEST']);
    expect(types('The rebels vowed to attack cities such as Kharkiv.')).toEqual(['THREATEN']);
  });
  it('reads "fresh Ukraine assault" as an assault', () => {
    expect(types('Pro-Russian rebels claim fresh Ukraine assault')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: ceasefire violations, losses suffered, violence that flares', () => {
  it('reads ceasefire violations, losses suffered and deadly violence as assaults', () => {
    expect(types('DPR reports two ceasefire violations by Ukrainian troops in past day')).toEqual(['ASSAULT']);
    expect(types('Ukraine reports sporadic violations of cease-fire')).toEqual(['ASSAULT']);
    expect(types('The enemy suffered significant losses in the Slobozhansky direction')).toEqual(['ASSAULT']);
    expect(types('Death toll from Odessa violence rises to 3: police')).toEqual(['ASSAULT']);
    expect(types('Odessa violence flares anew')).toEqual(['ASSAULT']);
    expect(first('The military’s barrage leaves 2 militiamen dead')).toMatchObject({ type: 'ASSAULT', mode: 'heavy-weapons' });
    expect(types('Storm leaves 5 dead in Texas')).toEqual([]);
  });
  it('reads a ceasefire violations committee and domestic violence that flares as no assault', () => {
    expect(types('The Ceasefire Violations Committee has completed its report.')).not.toContain('ASSAULT');
    expect(types('Domestic violence flares during holidays.')).toEqual([]);
  });
});

describe('classifySentence: tests called off, alerts for storms, strikes and price wars threatened', () => {
  it('reads a missile test postponed or halted as no test, and a nuclear test as a show of force', () => {
    expect(types('US postpones missile test over N Korea tensions')).toEqual([]);
    expect(types('US decision to halt missile test')).toEqual([]);
    expect(first('North Korea conducts third nuclear test')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
  });
  it('reads military exercises called off as none, and phone hacking as no call', () => {
    expect(types('Obama condemns Egypt violence, cancels military exercises')).toEqual(['ACCUSE']);
    expect(types('Sienna Miller testifies at UK phone hacking trial')).not.toContain('CONSULT');
  });
  it('reads "from Egypt protests" as street protests, not a diplomatic protest by Egypt', () => {
    expect(types('Death toll from Egypt protests rises to 49')).toEqual(['PROTEST']);
    expect(types('Russia protests to Japan over the visit')).toContain('ACCUSE');
  });
  it('reads a high alert for a typhoon as no mobilisation', () => {
    expect(types('China on high alert for typhoon Kalmaegi')).toEqual([]);
    expect(types('Troops on high alert after border clashes')).toEqual(['MOBILIZE']);
  });
  it('reads planned strikes and a price war threatened as threats to restrict, not to use force', () => {
    expect(first('U.S. fast-food workers plan nationwide strikes over minimum wage')).toMatchObject({ type: 'THREATEN', mode: 'restrict' });
    expect(first('Iran threatens to trigger oil price war')).toMatchObject({ type: 'THREATEN', mode: 'restrict' });
  });
});

describe('classifySentence: bombardments, shootings, sanctions ordered, exercises, captures and resignations', () => {
  it('reads each as its act', () => {
    expect(first('Syrian forces bombard Homs')).toMatchObject({ type: 'ASSAULT', mode: 'heavy-weapons' });
    expect(first('Mauritanian president shot by army unit')).toMatchObject({ type: 'ASSAULT', mode: 'firearms' });
    expect(types('UN orders global sanctions against Haqqani network')).toEqual(['SANCTION']);
    expect(types('Turkish army stages tank exercises near Syria border')).toEqual(['MOBILIZE']);
    expect(types('Free Syrian Army captures Syrian officers')).toEqual(['ASSAULT']);
    expect(first('Luxembourg PM quits amid spying scandal')).toMatchObject({ type: 'RETREAT', mode: 'resign' });
  });
  it('reads strikes inside a country, closing in, driving back, battling, assaults on a town and crackdowns', () => {
    expect(first('Israel planes strike inside Syria')).toMatchObject({ type: 'ASSAULT', mode: 'heavy-weapons' });
    expect(types('French-led troops close in on Timbuktu')).toEqual(['ASSAULT']);
    expect(types('Hundreds of French troops drive back rebels')).toEqual(['ASSAULT']);
    expect(types('Now, militants battle Pakistani police')).toEqual(['ASSAULT']);
    expect(types('Syrian army pushes assault on rebel-held town')).toEqual(['ASSAULT']);
    expect(first('Egypt army cracks down on Brotherhood')).toMatchObject({ type: 'COERCE', mode: 'restrict' });
    expect(types('Firefighters battle the flames')).toEqual([]);
  });
  it('reads Iron Dome deployed and more soldiers sent as mobilisation, and a vow of revenge as a threat', () => {
    expect(first('IDF to deploy Iron Dome in Central Israel')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
    expect(first('More French soldiers to Central African Republic')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
    expect(first('Pakistan Taliban vows revenge')).toMatchObject({ type: 'THREATEN', mode: 'violence' });
  });
  it('reads a film shot by a director and a player who quits the game as no act', () => {
    expect(types('The film was shot by a Ukrainian director')).toEqual([]);
    expect(types('The team captain quits the game')).toEqual([]);
  });
});

describe('classifySentence: a warning that predicts', () => {
  it('reads a warning of what could go wrong as no threat, and a warning of what the speaker will do as one', () => {
    expect(types('Iran warns Moscow nuclear talks could stall')).toEqual([]);
    expect(types('Russia warned Ukraine it would strike Kyiv')).toEqual(['THREATEN']);
  });
});

describe('classifySentence: support for strikes, approval sought', () => {
  it('reads support for an attack as support, not as the attack', () => {
    expect(types('UK Leader Signals Support for Airstrikes on IS in Syria')).toEqual(['SUPPORT']);
    expect(types('Germany backs airstrikes against Islamic State in Iraq')).toEqual(['SUPPORT']);
    expect(types('Parliament voted in favour of air strikes in Syria.')).toEqual(['SUPPORT']);
  });
  it('reads approval sought for strikes as a request', () => {
    expect(types('The president seeks approval for strikes on Syria.')).toEqual(['REQUEST']);
  });
});

describe('classifySentence: threat modes, arsenals, frigates and bodies returned', () => {
  it('reads a threat to strike cities as violence and to close a strait as a restriction', () => {
    expect(first('The group threatened to strike cities if the offensive continued.')).toMatchObject({ type: 'THREATEN', mode: 'violence' });
    expect(first('Iran threatened to close the Strait of Hormuz if attacked.')).toMatchObject({ type: 'THREATEN', mode: 'restrict' });
    expect(first('The union threatened a general strike.')).toMatchObject({ type: 'THREATEN', mode: 'restrict' });
  });
  it('reads a bolstered nuclear arsenal and a frigate sent as mobilisation', () => {
    expect(types('The leader vowed to bolster the nuclear arsenal.')).toContain('MOBILIZE');
    expect(first('France sent a frigate to the eastern Mediterranean.')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
  });
  it('reads bodies handed over as a return', () => {
    expect(first('Russia handed over 50 bodies of Ukrainian soldiers.')).toMatchObject({ type: 'RETREAT', mode: 'return' });
  });
});

describe('classifySentence: sentences, riot police, walk-outs, fleeing and handing over power', () => {
  it('reads a death sentence as a conviction and a walk-out as a strike', () => {
    expect(first('The regime sentenced three activists to death.')).toMatchObject({ type: 'SANCTION', mode: 'convict' });
    expect(types('Workers at the port walked off the job to demand higher pay.')).toContain('PROTEST');
  });
  it('reads riot police as no riot, and refugees fleeing the fighting as no fighting', () => {
    expect(types('Opposition supporters clashed with riot police in the capital.')).not.toContain('PROTEST');
    expect(types('Turkey opened its border to refugees fleeing the fighting.')).not.toContain('ASSAULT');
  });
  it('reads a handover of power as a concession', () => {
    expect(types('The army handed power to a transitional council.')).toEqual(['CONCEDE']);
  });
});

describe('analyzeSentence: what an assault is measured by', () => {
  it('attaches destroyed tanks and lost soldiers to the assault', () => {
    expect(analyzeSentence('Ukraine said it destroyed 12 Russian tanks and 3 helicopters.')[0]?.quantity).toEqual({ value: 12, unit: 'tanks', qualifier: null });
    expect(analyzeSentence('Two brigades lost more than 140 servicemen and five tanks in a day.')[0]?.quantity).toMatchObject({ value: 140 });
  });
  it('reads a tank convoy crossing the border as an assault, and refugees crossing it as none', () => {
    expect(types('A convoy of 30 tanks crossed the border.')).toEqual(['ASSAULT']);
    expect(types('Refugees crossed the border into Poland.')).toEqual([]);
  });
});

describe('classifySentence: orders to one’s own forces, tanks rolling in, crowd control', () => {
  it('reads an order to one’s own forces as the act ordered', () => {
    expect(types('Putin ordered troops to the border.')).toEqual(['MOBILIZE']);
    expect(types('The president ordered the army to withdraw from the city.')).toEqual(['RETREAT']);
    expect(types('The court ordered the government to release the prisoners.')).toEqual(['REQUEST']);
  });
  it('reads tanks rolling into a town and a seized border crossing as assaults', () => {
    expect(types('Tanks rolled into the eastern part of the city, seizing the border crossing.')).toEqual(['ASSAULT']);
  });
  it('reads tear gas and water cannon used on a crowd as coercion, live fire as an assault', () => {
    expect(first('Police fired tear gas at protesters in the capital.')).toMatchObject({ type: 'COERCE', mode: 'restrict' });
    expect(first('Coast guard vessels used water cannon against a resupply boat.')).toMatchObject({ type: 'COERCE', mode: 'restrict' });
    expect(types('Troops used live ammunition against the crowd.')).toContain('ASSAULT');
  });
});

describe('classifySentence: enrichment and hosted weapons', () => {
  it('reads uranium enrichment and hosted nuclear weapons as mobilisation, a hosted visitor as a visit', () => {
    expect(first('Iran began enriching uranium to 60 percent purity.')).toMatchObject({ type: 'MOBILIZE', mode: 'weapons' });
    expect(types('Belarus hosted Russian tactical nuclear weapons on its territory.')).toEqual(['MOBILIZE']);
    expect(first('Xi hosted the French president in Beijing.')).toMatchObject({ type: 'CONSULT', mode: 'host' });
    expect(types('Qatar hosted the World Cup.')).toEqual([]);
  });
});

describe('classifySentence: the more telling mode of a merged act', () => {
  it('reads gunmen abducting people as an abduction, not a shooting', () => {
    expect(first('Gunmen abducted 80 schoolchildren in the northwest.')).toMatchObject({ type: 'ASSAULT', mode: 'abduct' });
  });
});

describe('classifySentence: arming a group, insisting, rejecting reports', () => {
  it('reads arming a group as military aid, and armed groups as no aid', () => {
    expect(first('Iran armed the Houthis.')).toMatchObject({ type: 'AID', mode: 'military' });
    expect(types('Armed groups attacked the village.')).toEqual(['ASSAULT']);
  });
  it('reads "insists that" as no demand, and "insisted on" as one', () => {
    expect(types('Moscow insists its troops are not in Ukraine.')).toEqual([]);
    expect(types('Ukraine insisted on an immediate ceasefire.')).toEqual(['REQUEST']);
  });
  it('reads rejecting reports as baseless as a denial of what they report, not a rejection', () => {
    const e = analyzeSentence("Iran's foreign ministry rejected as baseless reports that it had armed the Houthis.");
    expect(e.map((x) => [x.type, x.assertion])).toEqual([['AID', 'denied']]);
  });
});

describe('classifySentence: warrants, shams and passive anchors', () => {
  it('reads an arrest warrant as an accusation, not an arrest', () => {
    expect(types('The court issued an arrest warrant for the former president.')).toEqual(['ACCUSE']);
    expect(types('Police arrested the suspect.')).toEqual(['COERCE']);
  });
  it('reads calling a referendum a sham as an accusation', () => {
    expect(types('Kyiv called the referendum a sham.')).toEqual(['ACCUSE']);
  });
  it('reads a passive clause after "after" as background to the main act', () => {
    expect(types('Poland summoned the ambassador after an aid worker was killed in Gaza.')).toEqual(['ACCUSE']);
  });
});

describe('analyzeSentence: help declared not to come is a refusal', () => {
  const read = (s: string) => analyzeSentence(s).map((e) => `${e.type}${e.negated ? ' NEG' : ''}`);
  it('reads "would not send weapons" and "will not hold talks" as REJECT', () => {
    expect(read('Hungary said it would not send weapons to Ukraine.')).toEqual(['REJECT']);
    expect(read('Israel will not hold talks with Hamas.')).toEqual(['REJECT']);
  });
  it('keeps a past negation and a negated attack negated', () => {
    expect(read('Russia did not withdraw its troops.')).toEqual(['RETREAT NEG']);
    expect(read('The army will not attack the city.')).toEqual(['ASSAULT NEG']);
  });
});

describe('classifySentence: letting aid in', () => {
  it('reads aid trucks allowed to enter as access granted', () => {
    expect(first('Israel allowed aid trucks to enter Gaza through the crossing.')).toMatchObject({ type: 'RETREAT', mode: 'access' });
  });
});

describe('analyzeSentence: threats, coordinated statements, declining to comment', () => {
  it('reads the one a condition names as threatened when the object is the threatener again', () => {
    const e = analyzeSentence("Iran's foreign minister warned that Tehran would not stand idly by if Israel launched a ground invasion of Lebanon.");
    expect(e.map((x) => [x.type, x.actors, x.targets])).toEqual([['THREATEN', ['IRN'], ['ISR']]]);
  });
  it('ends a frame at "and said": what is said next is an act of its own', () => {
    expect(types('The United States urged both sides to show restraint and said it was sending an aircraft carrier to the region.')).toEqual([
      'REQUEST',
      'MOBILIZE',
    ]);
  });
  it('reads declining to comment as no rejection', () => {
    expect(types('The Kremlin declined to comment.')).toEqual([]);
    expect(types('Russia declined to sign the agreement.')).toEqual(['REJECT']);
  });
});

describe('classifySentence: what a protest or a threat demands', () => {
  it('covers a demand made as the purpose or manner of a protest', () => {
    expect(types('Thousands of nurses marched through the capital on Monday to demand higher pay.')).toEqual(['PROTEST']);
    expect(types('Farmers blocked the motorway demanding that the minister resign.')).toEqual(['PROTEST']);
    expect(types('Students staged a sit-in outside parliament calling for new elections.')).toEqual(['PROTEST']);
    expect(types('Dockers began a hunger strike to press their demands for back pay.')).toEqual(['PROTEST']);
  });
  it('covers a demand made as the purpose of a threat', () => {
    expect(types('Truckers said they would blockade the port from Monday to demand lower fuel taxes.')).toEqual(['THREATEN']);
  });
  it('keeps a demand with a subject of its own', () => {
    expect(types('Workers marched through the city; the opposition demanded an inquiry.')).toEqual(['PROTEST', 'REQUEST']);
  });
});

describe('classifySentence: meetings, backing, joint work, refusals, rallies, disarmament, suspensions', () => {
  it('reads a meeting with a named counterpart as CONSULT, but not a strike on a meeting', () => {
    expect(types('Envoys from Qatar and Egypt met Hamas negotiators in Cairo.')).toEqual(['CONSULT']);
    expect(types('The Chinese premier meets the Indian vice president.')).toEqual(['CONSULT']);
    expect(types('Missiles struck a meeting of senior officials in the occupied city.')).not.toContain('CONSULT');
  });
  it('reads backing a position or a plan as SUPPORT', () => {
    expect(types("India backed Bhutan's position in its border dispute.")).toEqual(['SUPPORT']);
  });
  it('reads joint development and production as COOPERATE', () => {
    expect(types('The two navies are jointly developing a new frigate.')).toEqual(['COOPERATE']);
    expect(types('Ankara and Baku announced the joint production of drones.')).toEqual(['COOPERATE']);
  });
  it('reads a declined or turned-down offer as REJECT only', () => {
    expect(types('The junta declined an offer of mediation from its neighbours.')).toEqual(['REJECT']);
    expect(types('The court turned down a request for his release.')).toEqual(['REJECT']);
  });
  it('reads a rally against something as PROTEST, but not a currency rallying', () => {
    expect(types('Thousands of people rallied in the capital against the new law.')).toEqual(['PROTEST']);
    expect(types('The rouble rallied against the dollar on Tuesday.')).toEqual([]);
  });
  it('reads fighters handing over their own weapons as RETREAT/disarm, weapons handed to an ally as AID', () => {
    expect(classifySentence('The rebels handed over their weapons to UN peacekeepers.').map((e) => `${e.type}/${e.mode}`)).toEqual(['RETREAT/disarm']);
    expect(types('Poland handed over tanks and weapons to Ukraine.')).toEqual(['AID']);
  });
  it("reads a suspended membership as SANCTION and a vow to keep attacking as THREATEN", () => {
    expect(types("The African Union suspended Gabon's membership after the coup.")).toEqual(['SANCTION']);
    expect(types('The militia vowed to keep attacking ships in the strait.')).toEqual(['THREATEN']);
  });
});

describe('classifySentence: readiness, troop movements, veiled threats, frozen assets, findings of war crimes', () => {
  it('reads raised readiness and troops moved toward a border as MOBILIZE', () => {
    expect(types('Serbia raised the combat readiness of its army near Kosovo.')).toEqual(['MOBILIZE']);
    expect(types('Thousands of soldiers have been transferred to the Kursk region, Seoul said.')).toEqual(['MOBILIZE']);
    expect(types('Satellite images show armour and artillery moving toward the border.')).toEqual(['MOBILIZE']);
  });
  it('reads military action kept on the table as a threat', () => {
    expect(types('The president said all options, including military action, remained on the table.')).toEqual(['THREATEN']);
    expect(types('The proposal remained on the table for weeks.')).toEqual([]);
  });
  it('reads frozen assets as SANCTION and a finding of war crimes as ACCUSE', () => {
    expect(types('The Treasury froze the assets of three financiers.')).toEqual(['SANCTION']);
    expect(types('Investigators said the army committed war crimes in the town.')).toEqual(['ACCUSE']);
  });
  it('reads giving in to demands as CONCEDE, abandoned positions as a retreat, troops entering a town as an assault', () => {
    expect(types("The government agreed to the opposition's demand for early elections.")).toEqual(['CONCEDE']);
    expect(classifySentence('Forces began evacuating positions east of the river.').map((e) => `${e.type}/${e.mode}`)).toEqual(['RETREAT/withdraw']);
    expect(types('Enemy troops have entered the village from the north.')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: sanctioned, hit, rushed arms, crossings, protesting peoples, long talks', () => {
  it('reads "sanctioned" as SANCTION, but not "the sanctioned entities"', () => {
    expect(types('Britain sanctioned six military officers over the poisoning.')).toEqual(['SANCTION']);
    expect(types('The sanctioned entities moved their money abroad.')).toEqual([]);
  });
  it('reads hitting a military or energy target as ASSAULT', () => {
    expect(types('Ukraine hit an airbase with long-range missiles.')).toEqual(['ASSAULT']);
    expect(types('Inflation hit a record high in March.')).toEqual([]);
  });
  it('reads munitions rushed or smuggled to someone as AID, warplanes crossing the median line as MOBILIZE', () => {
    expect(types('The Pentagon rushed munitions to Israel after the attack.')).toEqual(['AID']);
    expect(types('Iran smuggled weapons to its allies in Yemen, a panel found.')).toEqual(['AID']);
    expect(types('Twenty warplanes crossed the median line of the strait.')).toEqual(['MOBILIZE']);
  });
  it('reads a people protesting as PROTEST and a new round of talks as CONSULT', () => {
    expect(types('Georgians protested outside parliament on Sunday.')).toEqual(['PROTEST']);
    expect(types('Indian and Chinese commanders held a new round of talks on the standoff.')).toEqual(['CONSULT']);
  });
});

describe('classifySentence: a strike on a facility', () => {
  it('reads striking a facility, plant or compound as ASSAULT', () => {
    expect(types('Reports said US forces had struck the facility near the border.')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: headline wording of meetings, refusals, revoked accords and bolstered borders', () => {
  it('reads a name meeting a name as CONSULT, but not a body meeting on a day or meeting a target', () => {
    expect(types('Blinken meets Wang Yi in Beijing')).toEqual(['CONSULT']);
    expect(types("Israel's Cabinet met Sunday and approved the plan.")).not.toContain('CONSULT');
    expect(types('Germany meets its NATO spending target')).toEqual([]);
  });
  it('reads ruling out talks as REJECT, a revoked accord as SANCTION, a bolstered border as MOBILIZE', () => {
    expect(types('Russia rules out talks with Kyiv')).toEqual(['REJECT']);
    expect(types('Niger revokes military cooperation agreement with US')).toEqual(['SANCTION']);
    expect(types('Poland bolsters eastern border with extra troops')).toEqual(['MOBILIZE']);
  });
});

describe('classifySentence: troops massed, an equipment sale approved', () => {
  it('reads troops massed along a border as MOBILIZE and an approved equipment sale as AID', () => {
    expect(types("Russian troops massed along Ukraine's eastern border, satellite images showed.")).toEqual(['MOBILIZE']);
    expect(types('The State Department approved a $300 million sale of military equipment to Taiwan.')).toEqual(['AID']);
  });
});

describe('classifySentence: projectiles that land, help with a weapons programme', () => {
  it('reads rockets or shells that landed as ASSAULT, but not a drone that landed safely', () => {
    expect(types('Rockets fired from across the border landed in the town, the army said.')).toEqual(['ASSAULT']);
    expect(types('Two shells landed near the school.')).toEqual(['ASSAULT']);
    expect(types('The delivery drone landed safely.')).toEqual([]);
    expect(types('A rocket fell in an open field.')).toEqual([]);
  });
  it('reads help with a missile or satellite programme as AID', () => {
    expect(types('Moscow is helping Pyongyang with its satellite programme, officials said.')).toEqual(['AID']);
  });
});

describe('classifySentence: talks by video link', () => {
  it('reads leaders who spoke by video link or phone, with words in between, as CONSULT', () => {
    expect(classifySentence('The two presidents spoke for nearly two hours by video link on Tuesday.').map((e) => `${e.type}/${e.mode}`)).toEqual(['CONSULT/phone']);
  });
});

describe('classifySentence: disbanded militias, troops leaving, control handed back, weapons pulled back, votes against', () => {
  it('reads each as a retreat', () => {
    expect(types('The militia disbanded and its fighters went home.')).toEqual(['RETREAT']);
    expect(types('The peacekeepers left the country after the mandate expired.')).toEqual(['RETREAT']);
    expect(types('The army handed back control of the border crossing to civilian authorities.')).toEqual(['RETREAT']);
    expect(types('Both sides began pulling heavy weapons back from the front line.')).toEqual(['RETREAT']);
    expect(types('The minister left the country for talks in Paris.')).not.toContain('RETREAT');
  });
  it('reads a vote against an accord as REJECT', () => {
    expect(types('The parliament voted down the peace agreement.')).toEqual(['REJECT']);
  });
});

describe('classifySentence: phones, verbal attacks and market share', () => {
  it('reads "phoned" and a name that phones a name as CONSULT, but not a phone that is a device', () => {
    expect(types('The president phoned his counterpart on Monday.')).toEqual(['CONSULT']);
    expect(types('Macron phones Zelensky')).toEqual(['CONSULT']);
    expect(types('The firm released a cheaper phone.')).not.toContain('CONSULT');
    expect(types('Samsung overtakes Nokia in phones')).toEqual([]);
  });
  it('reads attacking a bill, a deal or remarks as ACCUSE, an attack on market share as nothing', () => {
    expect(types('Hardliners attack nuclear deal')).toEqual(['ACCUSE']);
    expect(types('The senator attacked the bill as a waste of money.')).toEqual(['ACCUSE']);
    expect(types("The company launched an attack on its rival's market share.")).toEqual([]);
  });
});

describe('classifySentence: what is given says how it helps; rains that kill', () => {
  it('reads delivered medicines as humanitarian aid even when drones carry them', () => {
    expect(classifySentence('Drones delivered medicines to remote villages.').map((e) => `${e.type}/${e.mode}`)).toEqual(['AID/humanitarian']);
  });
  it('reads deaths in heavy rains as a disaster, not an attack', () => {
    expect(types('Heavy rains killed 12 people in the south.')).toEqual([]);
    expect(types('Shelling continued despite heavy rain.')).toEqual(['ASSAULT']);
  });
});

describe('analyzeSentence: craft detected near a border, force never ruled out', () => {
  it('reads detected foreign aircraft as that country moving them, and never ruling out force as a threat', () => {
    const [detected] = analyzeSentence("Taiwan's defence ministry said it had detected 125 Chinese military aircraft near the island.");
    expect(detected).toMatchObject({ type: 'MOBILIZE', mode: 'weapons', actors: ['CHN'], quantity: { value: 125, unit: 'aircraft' } });
    expect(classifySentence('Beijing has never ruled out using force against the island.').map((e) => `${e.type}/${e.mode}`)).toEqual(['THREATEN/violence']);
    expect(types('The army ruled out the use of force.')).not.toContain('THREATEN');
  });
});

describe('analyzeSentence: killed in a named strike, civilians targeted', () => {
  it("reads the demonym of a strike that killed as the attack's actor", () => {
    expect(analyzeSentence('At least 12 people were killed in an Israeli strike.')[0]).toMatchObject({ type: 'ASSAULT', actors: ['ISR'] });
    expect(analyzeSentence('Two were hurt in a Russian raid on the village.')[0]).toMatchObject({ type: 'ASSAULT', actors: ['RUS'] });
  });
  it('reads targeting civilians or the power grid as ASSAULT, and a denial of it as denied', () => {
    expect(analyzeSentence('Moscow denies targeting civilians.')[0]).toMatchObject({ type: 'ASSAULT', assertion: 'denied' });
    expect(types('Russian drones targeted energy infrastructure in Odesa overnight.')).toEqual(['ASSAULT']);
    expect(types('The programme targets schools with new funding.')).toEqual([]);
  });
});

describe('classifySentence: a suspension of links named as a noun', () => {
  it('reads a suspension or severing of links, flights or ties as SANCTION', () => {
    expect(types('Rome announced a suspension of air links with Belgrade on Wednesday.')).toEqual(['SANCTION']);
    expect(types('The suspension of the player was lifted.')).toEqual([]);
  });
});

describe('classifySentence: visa bans, sanctions lists, deadlines, vowed responses, unveiled and tested missiles', () => {
  it('reads visa restrictions and additions to a sanctions list as SANCTION', () => {
    expect(types('Washington imposed visa restrictions on officials involved in the crackdown.')).toEqual(['SANCTION']);
    expect(types('The UK added 50 entities to its sanctions list.')).toEqual(['SANCTION']);
  });
  it('reads a deadline given "to … or face attacks" and a vowed harsh response as THREATEN', () => {
    expect(types('The militants gave the government 48 hours to release their comrades or face attacks.')).toEqual(['THREATEN']);
    expect(types('Tehran vowed a harsh response to the assassination.')).toContain('THREATEN');
  });
  it('reads unveiled or tested missiles and fighters moved into positions as MOBILIZE', () => {
    expect(types('Iran unveiled a new hypersonic missile at a military parade.')).toEqual(['MOBILIZE']);
    expect(types('India tested an intercontinental ballistic missile with multiple warheads.')).toEqual(['MOBILIZE']);
    expect(types('Hezbollah fighters moved into positions along the border.')).toEqual(['MOBILIZE']);
  });
});

describe('classifySentence: bailouts, money, fuel and vehicles given; visitors received; talks gathered for; permission sought', () => {
  it('reads money, bailouts, fuel and armoured vehicles given as AID, but not a bounty', () => {
    expect(types('The IMF approved a $3 billion bailout for Egypt.')).toEqual(['AID']);
    expect(types('Qatar sent fuel shipments to Gaza.')).toEqual(['AID']);
    expect(types('Riyadh granted the Lebanese army $3 billion.')).toEqual(['AID']);
    expect(types('Washington offers $10 million for the militant chief.')).not.toContain('AID');
  });
  it('reads a visiting minister received, and delegations gathered for talks, as CONSULT', () => {
    expect(types('The crown prince received the Iranian foreign minister in Riyadh.')).toEqual(['CONSULT']);
    expect(types('Delegations from both countries gathered in Washington for peace talks.')).toEqual(['CONSULT']);
    expect(types("The government welcomed the president's latest policy statement.")).not.toContain('CONSULT');
  });
  it('reads permission sought to use weapons as REQUEST, and defence industrial cooperation as COOPERATE', () => {
    expect(types('Kyiv sought permission to use Western missiles on Russian territory.')).toEqual(['REQUEST']);
    expect(types('The two countries signed a defence industrial cooperation roadmap.')).toContain('COOPERATE');
  });
});

describe('classifySentence: annexation, a closed strait, a weapons drill', () => {
  it('reads an annexation as COERCE/confiscate (CAMEO 192, occupy territory), not "the annexed region"', () => {
    expect(classifySentence('Caracas annexed the disputed region after a referendum.').map((e) => `${e.type}/${e.mode}`)).toEqual(['COERCE/confiscate']);
    expect(types('Troops patrolled the annexed region.')).toEqual([]);
  });
  it('reads a strait closed, or to be closed if attacked, as COERCE or a threat', () => {
    expect(types('Iran said it would close the Strait of Hormuz if attacked.')).toEqual(['THREATEN']);
    expect(types('The navy blockaded the strait for a week.')).toEqual(['COERCE']);
  });
  it('reads a nuclear weapons drill as MOBILIZE', () => {
    expect(types('Russia conducted a nuclear weapons drill with Belarus.')).toEqual(['MOBILIZE']);
  });
});

describe('classifySentence: aid in its wire forms', () => {
  it('reads loans, tranches, deposits and released budget support as AID/economic', () => {
    const modes = (s: string) => classifySentence(s).map((e) => `${e.type}/${e.mode}`);
    expect(modes('Tokyo extended a 12 billion yen loan to Manila for a new rail line.')).toEqual(['AID/economic']);
    expect(modes('The fund disbursed a 700 million dollar tranche to Cairo on Monday.')).toEqual(['AID/economic']);
    expect(modes('Qatar deposited $1 billion in the central bank of Sudan.')).toContain('AID/economic');
    expect(modes('The bloc released 80 million euros in budget support to Niger.')).toEqual(['AID/economic']);
  });
  it('reads relief distributed, airlifted or trucked in as AID, and weapons supplied to a side as AID/military', () => {
    expect(types('The agency began distributing food rations to 40,000 displaced families.')).toEqual(['AID']);
    expect(types('Army planes airlifted tents and blankets to the flooded valley.')).toEqual(['AID']);
    expect(types('A convoy of 25 trucks loaded with flour reached the besieged town.')).toEqual(['AID']);
    expect(classifySentence('Tehran supplied the militia in Iraq with anti-tank missiles and attack drones.').map((e) => `${e.type}/${e.mode}`)).toEqual(['AID/military']);
    expect(types('The emirate has been supplying weapons to the Rapid Support Forces.')).toEqual(['AID']);
    expect(types('The report said Kigali had armed the rebels in North Kivu.')).toEqual(['AID']);
    expect(types('Armed rebels attacked a police post.')).toEqual(['ASSAULT']);
  });
  it('keeps a released report or film out of RETREAT', () => {
    expect(types('The watchdog accused the army of abuses in a report released on Monday.')).not.toContain('RETREAT');
    expect(types('The insurgents released 14 hostages on Sunday.')).toEqual(['RETREAT']);
  });
});

describe('classifySentence: protests, sanctions, shows of force and coercion as the wires word them', () => {
  it('reads stoppages, commercial strikes, boycotts, occupations, stone-throwing and rallies as PROTEST', () => {
    expect(types('A nationwide stoppage called by the unions closed ports and banks.')).toEqual(['PROTEST']);
    expect(types('Shopkeepers held a commercial strike against the new tax.')).toEqual(['PROTEST']);
    expect(types('Students occupied three universities in the capital.')).toEqual(['PROTEST']);
    expect(types('Youths hurled stones at riot police in the old city.')).toEqual(['PROTEST']);
    expect(types('Thousands of Serbians rallied in the capital for a third night.')).toEqual(['PROTEST']);
    expect(types('Hundreds gathered outside the French embassy to denounce the raid.')).toEqual(['PROTEST']);
    expect(types('Farmers blocked avenues in the capital demanding lower fuel prices.')).toEqual(['PROTEST']);
  });
  it('reads suspended loans and members, revoked permits, ordered closures and expulsions as SANCTION', () => {
    expect(types('The bank suspended disbursement of new loans to the junta.')).toEqual(['SANCTION']);
    expect(types('The regional bloc suspended Guinea from all its decision-making bodies.')).toEqual(['SANCTION']);
    expect(types('The junta revoked the mining permit of a Canadian company.')).toEqual(['SANCTION']);
    expect(types('Khartoum ordered ten foreign aid agencies out of the region.')).toEqual(['SANCTION']);
    expect(types('Ottawa suspended 30 arms export permits to the government.')).toEqual(['SANCTION']);
    expect(types('Tehran said it would withdraw from the treaty if sanctions returned.')).toEqual(['THREATEN']);
    expect(types('The embassy ordered non-essential staff to leave the country.')).not.toContain('SANCTION');
  });
  it('reads nationals ordered out as COERCE/deport', () => {
    expect(classifySentence('The government ordered all Malian nationals to leave within 72 hours.').map((e) => `${e.type}/${e.mode}`)).toEqual(['COERCE/deport']);
  });
  it('reads units deployed or massing, landing exercises, war footing and snap inspections as MOBILIZE', () => {
    expect(types('Armed police units were deployed along the northern frontier.')).toEqual(['MOBILIZE']);
    expect(types('Hundreds of fighters were massing outside the town.')).toEqual(['MOBILIZE']);
    expect(types('The navy staged amphibious landing exercises off the coast.')).toEqual(['MOBILIZE']);
    expect(types('The army put its frontline artillery units on a war footing.')).toEqual(['MOBILIZE']);
    expect(types('Minsk began a snap readiness inspection of its western units.')).toEqual(['MOBILIZE']);
    expect(types('Police deployed thousands of officers across the city.')).toEqual(['MOBILIZE']);
  });
  it('reads curfews imposed, farms seized, papers shut and internet cut as COERCE', () => {
    expect(types('A night curfew was imposed on the port town on Monday.')).toEqual(['COERCE']);
    expect(types('Police seized more than 30 commercial farms in the province.')).toEqual(['COERCE']);
    expect(types('A court shut down the opposition daily on Wednesday.')).toEqual(['COERCE']);
    expect(types('Authorities cut mobile internet in the restive region.')).toEqual(['COERCE']);
  });
  it('reads an envoy called in, a lashing out and charges filed as ACCUSE', () => {
    expect(types("The ministry called in Iran's charge d'affaires over the seizure.")).toEqual(['ACCUSE']);
    expect(types('The president lashed out at the drug agency on Saturday.')).toEqual(['ACCUSE']);
    expect(types('Prosecutors filed charges of war crimes against two commanders.')).toEqual(['ACCUSE']);
  });
});

describe('classifySentence: acts prepared for, feared, retaliated for or merely possible', () => {
  it('drops an offensive prepared for, an operation ahead, an invasion rehearsed and clashes feared', () => {
    expect(types('Moscow massed troops near the border in preparation for a fresh offensive.')).toEqual(['MOBILIZE']);
    expect(types('The army called up reservists ahead of an expanded ground operation.')).toEqual(['MOBILIZE']);
    expect(types('Police were put on full alert amid fears of renewed ethnic clashes.')).toEqual(['MOBILIZE']);
    expect(types('The drills rehearse repelling an amphibious invasion.')).not.toContain('ASSAULT');
  });
  it('drops "any incursion" in a warning, but keeps a negated act with "any"', () => {
    expect(types('Delhi cautioned Islamabad that any incursion would draw a military response.')).toEqual(['THREATEN']);
    const negated = classifySentence('The army did not fire any missiles at the town.');
    expect(negated.map((e) => e.type)).toEqual(['ASSAULT']);
  });
  it('reads what was retaliated for, or went on despite, as background to the main act', () => {
    expect(types('Jets pounded the port in retaliation for missile launches.')).toEqual(['ASSAULT']);
    expect(types('The government did not send troops despite repeated raids by rebels.')).not.toContain('ASSAULT');
  });
});

describe('classifySentence: days between a verb and its complement, failures, relatives and crackdowns', () => {
  it('reads "vowed on Monday to blockade" and "threatened on Sunday to sever" as one threat', () => {
    expect(types('Farmers vowed on Monday to blockade the main highway if the plan went ahead.')).toEqual(['THREATEN']);
    expect(types('The president threatened on Sunday to sever diplomatic ties with its neighbour.')).toEqual(['THREATEN']);
  });
  it('reads an act someone failed or was unable to carry out as negated', () => {
    expect(analyzeSentence('Ministers were unable to agree on a common response.').map((e) => e.type)).not.toContain('AGREE');
    expect(analyzeSentence('The ministers rebuked the government for failing to arrest the fugitive.').filter((e) => !e.negated).map((e) => e.type)).toEqual(['ACCUSE']);
  });
  it('keeps "firms accused of" a description, "Russia accused of" a headline accusation', () => {
    expect(types('Washington imposed sanctions on three firms accused of helping the missile programme.')).toEqual(['SANCTION']);
    expect(types('Army accused of abuses in border villages')).toEqual(['ACCUSE']);
    expect(types('The minister accused the rebels of looting.')).toContain('ACCUSE');
  });
  it('reads beatings and broken-up meetings as ASSAULT and COERCE, advisers sent to train as AID', () => {
    expect(types('Police broke up a rally in the capital and beat opposition activists.')).toEqual(['COERCE', 'ASSAULT']);
    expect(classifySentence('Washington sent 150 military advisers to train the new battalions.').map((e) => `${e.type}/${e.mode}`)).toEqual(['AID/military']);
    expect(classifySentence('The army sent tanks and artillery to the northern border.').map((e) => `${e.type}/${e.mode}`)).toEqual(['MOBILIZE/weapons']);
  });
  it('charges a former leader with a crime as ACCUSE even after a long title', () => {
    expect(types('Prosecutors charged former Prime Minister Ana Lopes with abuse of office.')).toEqual(['ACCUSE']);
  });
});

describe('classifySentence: aid and releases in the passive, relief carried, debts written off', () => {
  it('reads aid supplied by, delivered to, carried in or given as shelter, and debts written off, as AID', () => {
    expect(types('Rifles and field radios supplied by Paris reached the army last week.')).toEqual(['AID']);
    expect(types('Two transport helicopters were delivered to the navy on Monday.')).toEqual(['AID']);
    expect(types('Relief flights carrying tents and medicines landed in the capital.')).toEqual(['AID']);
    expect(types('The creditors wrote off half of the debt owed by Zambia.')).toEqual(['AID']);
    expect(types('Displaced families were given shelter by the authorities.')).toEqual(['AID']);
  });
  it('reads captives freed in the passive as RETREAT, and a tranche released as no release of people', () => {
    expect(types('Four hostages, including a nurse, were freed by the rebels.')).toEqual(['RETREAT']);
    expect(types('The fund released the first tranche of the loan on Friday.')).not.toContain('RETREAT');
  });
});

describe('classifySentence: venues, what a row is about, riots, roadblocks and garrisons', () => {
  it('reads a meeting or summit where something else was done as its venue, not a consultation', () => {
    expect(types('The ministers froze the assets of junta members at a meeting in Vienna.')).toEqual(['SANCTION']);
    expect(types('Leaders agreed on new trade rules at their summit in Lima.')).toEqual(['AGREE']);
  });
  it('reads what a row, a protest or a measure is about as background', () => {
    expect(types('The ministry summoned the envoy to lodge a protest over the bombing of its consulate.')).toEqual(['ACCUSE']);
    expect(types('Paris did not recall its ambassador despite the row over the hijacking.')).not.toContain('ASSAULT');
    expect(types('Over 100 people were killed in the shelling.')).toEqual(['ASSAULT']);
  });
  it('reads rioters torching shops as one PROTEST, roadblocks and crowds gathered to protest as PROTEST', () => {
    expect(types('Rioters torched shops and overturned cars in the port city.')).toEqual(['PROTEST']);
    expect(types('Farmers erected roadblocks on the main highway.')).toEqual(['PROTEST']);
    expect(types('Thousands of farmers drove tractors into the square to protest against the tariffs.')).toEqual(['PROTEST']);
    expect(types('A suicide bomber struck a campaign rally in the north.')).toEqual(['ASSAULT']);
  });
  it('reads reinforced garrisons, battalions ordered to a border and police pouring in as MOBILIZE', () => {
    expect(types('Lima reinforced its garrisons in the valley with 3,000 troops.')).toEqual(['MOBILIZE']);
    expect(types('The president ordered ten army battalions to the border.')).toEqual(['MOBILIZE']);
    expect(types('Police reinforcements poured into the region overnight.')).toEqual(['MOBILIZE']);
  });
  it('reads closures of newspapers and schools, travel stopped, passive suspensions and guilty verdicts', () => {
    expect(types('The ministry ordered the closure of the opposition weekly.')).toEqual(['COERCE']);
    expect(types('Border guards prevented the opposition leader from leaving the country.')).toEqual(['COERCE']);
    expect(types("Mali's membership in the bloc was suspended after the coup.")).toContain('SANCTION');
    expect(types('A court found the former governor guilty of fraud.')).toEqual(['SANCTION']);
    expect(types('The dissident was badly beaten by officers at a police station.')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: vows of revenge, anticipated offensives, strike groups and conscripts', () => {
  it('reads a vowed response, revenge or punishment as THREATEN, not AGREE', () => {
    expect(types("Tehran vows 'crushing' response if its reactors are hit")).toEqual(['THREATEN']);
    expect(types('The government vowed to hunt down those behind the bombing.')).toEqual(['THREATEN']);
  });
  it('drops an anticipated, possible or planned act', () => {
    expect(types('The army sent reinforcements to the city before an anticipated rebel offensive.')).toEqual(['MOBILIZE']);
    expect(types('The army called up reservists ahead of a planned ground offensive to seize the capital.')).toEqual(['MOBILIZE']);
  });
  it('reads strike groups, cutters and convoys of armour sent somewhere, war games and conscripts summoned as MOBILIZE', () => {
    expect(types('The Pentagon ordered a second carrier strike group to the region.')).toEqual(['MOBILIZE']);
    expect(types('The coast guard deployed four cutters near the shoal.')).toEqual(['MOBILIZE']);
    expect(types('The island began its annual Han Kuang war games on Monday.')).toEqual(['MOBILIZE']);
    expect(types('The junta summoned the first intake of 5,000 conscripts.')).toEqual(['MOBILIZE']);
    expect(types('The president ordered units to move closer to the administrative line.')).toEqual(['MOBILIZE']);
  });
  it('reads frozen participation, quitting a bloc, suspended distributions as SANCTION, and bombs shipped as AID', () => {
    expect(types('Yerevan has frozen its participation in the alliance.')).toEqual(['SANCTION']);
    expect(types('The three juntas formally quit ECOWAS on Wednesday.')).toEqual(['SANCTION']);
    expect(types('The agency suspended food distributions in the north.')).toEqual(['SANCTION']);
    expect(types('Washington shipped 1,800 heavy bombs to its ally.')).toEqual(['AID']);
    expect(types('The junta expelled the ambassador, giving him 48 hours to leave the country.')).toEqual(['SANCTION']);
  });
});

describe('classifySentence: crowds of protesters, hotlines, hostages handed over, sport and weather', () => {
  it('reads "hundreds of protesters" as a protest, and keeps the more telling of its modes', () => {
    expect(types('Hundreds of protesters stormed the ministry, demanding the minister resign.')).toEqual(['PROTEST']);
    expect(classifySentence('Hundreds of protesters blocked major roads in the capital.').map((e) => `${e.type}/${e.mode}`)).toEqual(['PROTEST/obstruct']);
    expect(types('Police dispersed the crowd after the killing of protesters.')).not.toContain('PROTEST');
    expect(types('Thousands of Jordanians gathered near the Israeli embassy in Amman.')).toEqual(['PROTEST']);
    expect(types('Crowds defy freezing weather to rally outside parliament.')).toEqual(['PROTEST']);
  });
  it('reads officers speaking over the hotline as CONSULT and hostages handed over as RETREAT', () => {
    expect(types('The two directors general spoke over the hotline on Monday.')).toEqual(['CONSULT']);
    expect(types('The militants handed over three hostages to the Red Cross.')).toEqual(['RETREAT']);
    expect(types('Negotiators hold a fourth round of indirect nuclear talks in Muscat.')).toEqual(['CONSULT']);
  });
  it('reads agents seizing an opposition figure as an arrest', () => {
    expect(types('Intelligence agents seized an opposition leader at his home.')).toEqual(['COERCE']);
  });
  it('keeps a football comeback and a typhoon closing offices out of the events', () => {
    expect(types('Ukraine launched a counter-attack in the second half to stun Slovakia 2-1.')).toEqual([]);
    expect(types('The typhoon forced the closure of offices and schools.')).not.toContain('SANCTION');
  });
});

describe('analyzeSentence: a participle after a comma has the sentence subject', () => {
  it('gives ", accusing …" the actors of the sentence first act, but not after a reporting clause', () => {
    const events = analyzeSentence('Sudan cut diplomatic ties with the United Arab Emirates on Tuesday, accusing Abu Dhabi of aggression.');
    expect(events.find((e) => e.type === 'ACCUSE')).toMatchObject({ actors: ['SDN'], targets: ['ARE'] });
    const reported = analyzeSentence('Russia massed troops near the border, the NATO commander said on Sunday, warning of an attack.');
    expect(reported.find((e) => e.type === 'THREATEN')?.actors ?? []).not.toContain('RUS');
  });
});

describe('classifySentence: raids of an arrest, named anchors, recognition, undertakings and denials', () => {
  it('reads the raids an arrest was made in as part of the arrest', () => {
    expect(types('Troops arrested 25 people in overnight raids across the region.')).toEqual(['COERCE']);
    expect(types('Ten people were killed in overnight raids on the town.')).toEqual(['ASSAULT']);
  });
  it('reads a named massacre after "after" as background to the main act', () => {
    expect(types('Delhi suspends the water treaty and expels defence attaches after Pahalgam massacre')).toEqual(['SANCTION']);
  });
  it('reads a state recognised as independent as SUPPORT, and undertakings as AGREE', () => {
    expect(types('Paris formally recognised Kosovo as an independent state on Monday.')).toEqual(['SUPPORT']);
    expect(types('Athens and Ankara undertook to refrain from provocative flights.')).toEqual(['AGREE']);
    expect(types('The government and the opposition committed themselves to revising the electoral roll.')).toEqual(['AGREE']);
  });
  it('reads a charge rejected as baseless as a denial, not a REJECT', () => {
    expect(types('Tehran supplied the drones, officials said, a charge Tehran rejected as baseless.')).not.toContain('REJECT');
  });
});

describe('classifySentence: military action taken unless', () => {
  it('reads "will take military action unless" as a threat', () => {
    expect(types('Ankara will take military action unless Damascus expels the rebel leader.')).toEqual(['THREATEN']);
  });
});

describe('analyzeSentence: an accusation denied by the accused', () => {
  it('keeps the accusation made, and its charge denied', () => {
    const events = analyzeSentence('Islamabad blamed Indian intelligence for a bomb attack on a bus, but New Delhi dismissed the charge as baseless.');
    expect(events.find((e) => e.type === 'ACCUSE')?.assertion).toBe('asserted');
    expect(events.find((e) => e.type === 'ASSAULT')?.assertion).toBe('denied');
  });
});

describe('classifySentence: weapons listed as aid, acts a weapon would enable, acts named as a possibility', () => {
  it('reads weapons listed after aid as what was given', () => {
    expect(types('Cargo flights delivered drones, guided bombs and artillery ammunition to the militia.')).toEqual(['AID']);
  });
  it('drops a strike that a weapon would make possible, and an attack named as what could be a threat', () => {
    expect(types('The missile has a short range, which would allow the army to save its longer-range missiles for strikes on cities.')).toEqual([]);
    expect(types('The minister said a blockade of or attack on the island could constitute a threat to the country.')).toEqual([]);
    expect(types('Iraq said it would allow the return of weapons inspectors.')).toEqual(['AGREE']);
  });
  it('reads "has not renounced the use of force" as a threat', () => {
    expect(types('Beijing has not renounced the use of force against the island.')).toEqual(['THREATEN']);
  });
});

describe('classifySentence: crushing, quoted threats and frozen assets as background', () => {
  it("reads crushed uprisings as COERCE, and a quoted 'crush' an army will do as a threat", () => {
    expect(types('The army crushed the uprising in the north.')).toEqual(['COERCE']);
    expect(types("The army will 'crush any separatist attempt' with resolute force.")).toEqual(['THREATEN']);
  });
  it('reads "frozen assets" named as a source of money as no sanction', () => {
    expect(types('Tokyo extends a $4.5 billion loan backed by profits from frozen Russian assets.')).toEqual(['AID']);
    expect(types('The EU has frozen the assets of three banks.')).toEqual(['SANCTION']);
  });
});

describe('classifySentence: live blogs, campaigns, plots and shipments', () => {
  it('reads a live-blog teaser, an ad bombardment and a war on cancer as no events', () => {
    expect(types('Stay with us for the latest on troop movements and airstrikes as the day unfolds.')).toEqual([]);
    expect(types('Expect a campaign of attrition, with a bombardment of ads before the vote.')).toEqual([]);
    expect(types("Morocco's relentless bombardment of crosses paid off when the winger fired in an equaliser.")).toEqual([]);
    expect(types('The bombardment of Kharkiv continued overnight.')).toEqual(['ASSAULT']);
  });
  it('reads a plot as no act, and shipments of arms as aid', () => {
    expect(types('Chisinau expels Russian ambassador over alleged sabotage plot')).toEqual(['SANCTION']);
    expect(types('The company arranged shipments of artillery shells and ballistic missiles to Russia.')).toEqual(['AID']);
  });
});

describe('classifySentence: deadlines to leave, overridden vetoes, martial law, releases and relief teams', () => {
  it('reads hours given to leave the country as an expulsion, and sanctions slapped after a veto was overridden', () => {
    expect(types('The junta gave the ambassador 48 hours to leave the country.')).toEqual(['SANCTION']);
    expect(types('Congress overrode the veto and slapped sweeping economic sanctions on the regime.')).toEqual(['SANCTION']);
  });
  it('reads martial law declared as COERCE and lifted as CONCEDE, and a party ordered closed as COERCE', () => {
    expect(types('Martial law was declared across the country at dawn.')).toEqual(['COERCE']);
    expect(types('The president lifted martial law after eight years.')).toEqual(['CONCEDE']);
    expect(types('The court ordered the opposition party closed.')).toEqual(['COERCE']);
  });
  it('reads a journalist freed, troops that left, striking workers and relief teams sent', () => {
    expect(types('Kidnappers freed an American journalist in Beirut.')).toEqual(['RETREAT']);
    expect(types('The last Soviet troops left Afghanistan on Wednesday.')).toEqual(['RETREAT']);
    expect(types('Striking rail workers brought the country to a standstill.')).toEqual(['PROTEST']);
    expect(types('More than 30 striking miners were killed.')).toEqual(['ASSAULT']);
    expect(types('Havana dispatched a brigade of doctors and nurses to Honduras.')).toEqual(['AID']);
  });
  it('reads threats by force if necessary, strikes considered and borders to be shut', () => {
    expect(types('The prime minister said the country would secure sea access "by force if necessary".')).toEqual(['THREATEN']);
    expect(types('Washington will consider military strikes unless the palaces are opened.')).toEqual(['THREATEN']);
    expect(types('Officials said they would shut the remaining border crossings if the smuggling continued.')).toEqual(['THREATEN']);
  });
});

describe('classifySentence: insisting that someone act', () => {
  it('reads "insisted that X pull out" as a demand, and "insisted that X had not" as no demand', () => {
    expect(types('Kinshasa insisted that Kigali pull its troops out of the east.')).toEqual(['REQUEST']);
    expect(types('The minister insisted that the army had not fired on civilians.')).not.toContain('REQUEST');
  });
});

describe('classifySentence: a request turned down', () => {
  it('keeps the answer that is the main verb of a sentence whose subject is the request', () => {
    expect(types('A U.S. request to join the missile defence programme was turned down by Ottawa.')).toEqual(['REQUEST', 'REJECT']);
    expect(types('Moscow rejected a request to open the border.')).toEqual(['REJECT']);
  });
});

describe('classifySentence: a jail as a place, water released, vows to target, upcoming drills', () => {
  it('reads a jail named as a place as no arrest, and "to be jailed" as one', () => {
    expect(types('Israel releases 90 prisoners from Ofer jail under the truce deal.')).toEqual(['RETREAT']);
    expect(types('Two activists are to be jailed for a year.')).toEqual(['COERCE']);
  });
  it('reads water released as no release, a vow to target ships as a threat, upcoming drills as none', () => {
    expect(types('Tokyo began releasing treated radioactive water from the plant.')).toEqual([]);
    expect(types('The movement vows to target any vessel bound for the port.')).toEqual(['THREATEN']);
    expect(types('Pyongyang threatened a merciless response to upcoming military drills.')).toEqual(['THREATEN']);
  });
});

describe('classifySentence: crowds defying a curfew', () => {
  it('reads crowds that defy a state of siege to demand a resignation as one PROTEST', () => {
    expect(types('Crowds of Argentines defied a state of siege overnight to demand the resignation of the president.')).toEqual(['PROTEST']);
  });
});

describe('classifySentence: retaliation announced, movements seen, relief flown in, people barred', () => {
  it('reads a response announced for the future as a threat, and an answer to questions as none', () => {
    expect(types('Tehran would retaliate against any country that lends its bases to its enemies, a commander warned.')).toEqual(['THREATEN']);
    expect(types('The army will respond with full force should the rebels move on the airport.')).toEqual(['THREATEN']);
    expect(types('Any aircraft entering the zone will be treated as a legitimate target, the navy said.')).toEqual(['THREATEN']);
    expect(types('The junta said it was ready to retake the province by force if talks failed.')).toContain('THREATEN');
    expect(types('The ministry said it would respond to the letter next week.')).not.toContain('THREATEN');
  });
  it('reads forces seen moving toward a border, ships ordered to a sea and aircraft detected near an island as shows of force', () => {
    expect(types('Columns of Turkish tanks were seen moving towards the Syrian frontier on Monday.')).toEqual(['MOBILIZE']);
    expect(types('Soldiers and riot police fanned out across the capital before the vote.')).toEqual(['MOBILIZE']);
    expect(types('Two destroyers and a supply ship were ordered to the Baltic Sea, the ministry said.')).toEqual(['MOBILIZE']);
    expect(types('Twenty warplanes and four warships were detected near the island on Sunday.')).toEqual(['MOBILIZE']);
    expect(types('The militia massed tanks and rocket launchers outside the city.')).toEqual(['MOBILIZE']);
    // Tanks rolling into a town are an incursion, not a build-up.
    expect(types('Tanks rolled into the border town at dawn.')).toEqual(['ASSAULT']);
  });
  it('reads relief dropped from the air, flights landing with supplies and camps set up for refugees as aid', () => {
    expect(first('Cargo planes dropped food and medicine over the besieged town.')).toMatchObject({ type: 'AID', mode: 'humanitarian' });
    expect(first('Two military transport planes landed in Beira with tents and water purifiers.')).toMatchObject({ type: 'AID', mode: 'humanitarian' });
    expect(first('The Red Crescent set up camps for the displaced along the river.')).toMatchObject({ type: 'AID', mode: 'humanitarian' });
    expect(types('Oil prices dropped sharply on Monday.')).toEqual([]);
  });
  it('reads people barred from acts, goods stopped at a crossing, citizenship stripped and papers seized as coercion', () => {
    expect(first('The authorities barred journalists from entering the province.')).toMatchObject({ type: 'COERCE', mode: 'restrict' });
    expect(first('The army stopped the flow of fuel and medicine into the enclave.')).toMatchObject({ type: 'COERCE', mode: 'restrict' });
    expect(types('The regime stripped dozens of exiled dissidents of their nationality.')).toEqual(['COERCE']);
    expect(first('Police confiscated copies of the satirical weekly from kiosks.')).toMatchObject({ type: 'COERCE', mode: 'censor' });
    expect(first('The supreme court banned the main Islamist opposition Welfare Party.')).toMatchObject({ type: 'COERCE', mode: 'ban' });
  });
  it('reads aid suspended, loans frozen, an agreement ended and envoys recalled as sanctions', () => {
    expect(types('Washington suspended some $80 million in development assistance after the coup.')).toEqual(['SANCTION']);
    expect(types('The bank froze a planned package of infrastructure loans to the government.')).toEqual(['SANCTION']);
    expect(types('The junta ended a 2015 agreement that let foreign troops use the air base.')).toEqual(['SANCTION']);
    expect(types('Five countries recalled their ambassadors from the capital.')).toEqual(['SANCTION']);
  });
  it('reads a charge that something happened and a vote found short of standards as accusations, refusing food as a hunger strike', () => {
    expect(types('The ministry charged that enemy gunners had shelled a hospital.')[0]).toBe('ACCUSE');
    expect(types('Monitors said the referendum fell short of democratic standards.')).toEqual(['ACCUSE']);
    expect(first('Forty detainees have been refusing food for two weeks.')).toMatchObject({ type: 'PROTEST', mode: 'strike-hun' });
  });
});

describe('classifySentence: troops pulled out, troops ordered into a city, weapons packages', () => {
  it('reads troops pulled out of a country as a withdrawal', () => {
    expect(first('Cuba has pulled the last of its 50,000 soldiers out of Angola.')).toMatchObject({ type: 'RETREAT', mode: 'withdraw' });
  });
  it('reads troops ordered onto the streets or into a city as a show of force', () => {
    expect(types('The junta ordered tanks into the streets of the capital on Friday.')).toEqual(['MOBILIZE']);
  });
  it('reads a package or a shipment of weapons as military aid, and one seized as no aid', () => {
    expect(first('Berlin announced a new package of air defences and artillery for Kyiv.')).toMatchObject({ type: 'AID', mode: 'military' });
    expect(types('Coast guards seized a shipment of weapons bound for the militia.')).not.toContain('AID');
  });
  it('reads camps set up somewhere for refugees as aid', () => {
    expect(first('Aid agencies set up tent camps near the border for 30,000 displaced families.')).toMatchObject({ type: 'AID', mode: 'humanitarian' });
  });
});

describe('classifySentence: a garrison kept, and figures of speech in markets and elections', () => {
  it('reads a country that "stations" troops somewhere as keeping a garrison, and one that will station them as deploying', () => {
    expect(types('France stations about 1,500 soldiers in Djibouti under a defence accord.')).toEqual([]);
    expect(types('Germany will station a brigade of 4,800 troops in Lithuania.')).toEqual(['MOBILIZE']);
    expect(types('Britain stationed 900 troops in Estonia last year.')).toEqual(['MOBILIZE']);
  });
});

describe('classifySentence: parties dissolved, office barred, sites blocked, leaders captured', () => {
  it('reads coercion of parties, candidates, sites and people', () => {
    expect(first('The constitutional court dissolved the largest opposition party on Tuesday.')).toMatchObject({ type: 'COERCE', mode: 'ban' });
    expect(first('Election officials barred the former mayor Ana Lucia Reyes from running for office.')).toMatchObject({ type: 'COERCE', mode: 'restrict' });
    expect(first('The regulator blocked Facebook and WhatsApp ahead of the vote.')).toMatchObject({ type: 'COERCE', mode: 'censor' });
    expect(first('Special forces captured the cartel boss in a dawn raid.')).toMatchObject({ type: 'COERCE', mode: 'arrest' });
    expect(types('Government troops captured a rebel stronghold after heavy fighting.')).not.toContain('COERCE');
    expect(first('Police seized the premises of the independent broadcaster.')).toMatchObject({ type: 'COERCE', mode: 'confiscate' });
  });
  it('reads envoys ordered out, offices ordered closed, a suspension after a coup and a bloc quit as sanctions', () => {
    expect(first('Bamako ordered the Swiss ambassador out within 72 hours.')).toMatchObject({ type: 'SANCTION', mode: 'expel' });
    expect(types('The government ordered the aid agency to close its Kabul office.')).toEqual(['SANCTION']);
    expect(types('The bloc suspends Niger after the military takeover.')).toEqual(['SANCTION']);
    expect(types('The three juntas announced their withdrawal from ECOWAS.')).toEqual(['SANCTION']);
    expect(types('The lender halted new financing to the government over the law.')).toEqual(['SANCTION']);
    expect(first('A court sentenced the former defence minister Alexei Petrov to nine years in prison.')).toMatchObject({ type: 'SANCTION', mode: 'convict' });
  });
  it('reads ships handed over, loans approved, convoys of relief escorted, food airdropped and doctors arriving as aid', () => {
    expect(first('Seoul handed over two decommissioned patrol vessels to the Philippine Navy.')).toMatchObject({ type: 'AID', mode: 'military' });
    expect(first('The board approved the disbursement of $800 million to Sri Lanka.')).toMatchObject({ type: 'AID', mode: 'economic' });
    expect(first('Peacekeepers escorted a convoy of relief supplies to the besieged town.')).toMatchObject({ type: 'AID', mode: 'humanitarian' });
    expect(first('A team of 60 Turkish rescuers arrived in Kathmandu on Sunday.')).toMatchObject({ type: 'AID', mode: 'humanitarian' });
    expect(first('Relief planes landed in Beira carrying tents and water purifiers.')).toMatchObject({ type: 'AID', mode: 'humanitarian' });
  });
  it('reads forces fighting, guards trading fire, pipelines dynamited, crowds in the streets and teachers staying away', () => {
    expect(types('Government troops and rebel fighters fought for control of the airport.')).toEqual(['ASSAULT']);
    expect(types('Border guards of the two countries traded automatic rifle and mortar fire overnight.')).toEqual(['ASSAULT']);
    expect(first('Guerrillas dynamited a power pylon outside the city.')).toMatchObject({ type: 'ASSAULT', mode: 'explosives' });
    expect(types('Thousands of people poured into the streets of the capital after the verdict.')).toEqual(['PROTEST']);
    expect(first('Nurses stayed away from work for a second day over unpaid wages.')).toMatchObject({ type: 'PROTEST', mode: 'strike' });
    expect(types('Mercenaries and government troops massed around the oasis town.')).toEqual(['MOBILIZE']);
    expect(first('The authorities flooded the city centre with riot police before the anniversary.')).toMatchObject({ type: 'MOBILIZE' });
  });
});

describe('classifySentence: ships rammed, targets hit with weapons, crowds hit with water cannon', () => {
  it('reads a vessel rammed or hit with a missile or water cannon as an assault, a crowd hit with water cannon as coercion', () => {
    expect(analyzeSentence('Chinese maritime militia boats rammed a Vietnamese fishing boat near the Paracels.')[0]).toMatchObject({ type: 'ASSAULT', actors: ['CHN'], targets: ['VNM'] });
    expect(analyzeSentence('Houthi fighters hit a Maltese-flagged bulk carrier with two drones off Hodeidah.')[0]).toMatchObject({ type: 'ASSAULT', actors: ['YEM'], targets: ['MLT'] });
    expect(first('Police blasted students with water cannon outside the ministry.')).toMatchObject({ type: 'COERCE', mode: 'restrict' });
    expect(types('The new tariffs hit exporters with higher costs.')).toEqual([]);
  });
});

describe('classifySentence: retaliation in kind', () => {
  it('reads retaliation after an expulsion or tariffs as no assault, and after missiles as one', () => {
    expect(types('Ankara expels two Dutch diplomats; The Hague retaliates within hours')).toEqual(['SANCTION']);
    expect(types('Rebels shelled the town and the army retaliated with air strikes.')).toContain('ASSAULT');
  });
});

describe('classifySentence: political leagues, passive summonses, supplies begun, and more ways of telling', () => {
  it('reads a league of a party or of states as no sport', () => {
    expect(first('Three Muslim League leaders were detained by police in Lahore.')).toMatchObject({ type: 'COERCE', mode: 'arrest' });
    expect(types('The Arab League condemned the raid.')).toContain('ACCUSE');
    expect(types('The striker scored twice in the league match.')).toEqual([]);
  });
  it('reads an envoy summoned in the passive as an accusation', () => {
    expect(types('The Dutch ambassador was summoned to the ministry in Ankara.')).toEqual(['ACCUSE']);
  });
  it('reads weapons a government began supplying as aid, and an offensive or firing it began as an assault', () => {
    expect(first('Washington began supplying Javelin anti-tank missiles to the army.')).toMatchObject({ type: 'AID', mode: 'military' });
    expect(types('Militants began firing mortars at the base.')).toEqual(['ASSAULT']);
    expect(types('The army began a fresh offensive in the north.')).toEqual(['ASSAULT']);
  });
  it('reads censorship imposed, tools downed, crowds rising up, money lent, refugees sheltered and columns rolling toward a city', () => {
    expect(first('The junta imposed censorship on all foreign broadcasts.')).toMatchObject({ type: 'COERCE', mode: 'censor' });
    expect(first('Dockers in the port downed tools over pay.')).toMatchObject({ type: 'PROTEST', mode: 'strike' });
    expect(types('Crowds in the provincial capital rose up against the governor.')).toEqual(['PROTEST']);
    expect(first('Riyadh lent Cairo $5 billion to shore up its currency.')).toMatchObject({ type: 'AID', mode: 'economic' });
    expect(first('Jordan sheltered more than 600,000 Syrian refugees.')).toMatchObject({ type: 'AID', mode: 'humanitarian' });
    expect(types('Armoured columns rolled toward the capital overnight.')).toEqual(['MOBILIZE']);
    expect(types('About 50,000 reservists were called up on Sunday.')).toEqual(['MOBILIZE']);
    expect(types('The prime minister ruled out talks with the rebels.')).toEqual(['REJECT']);
  });
});

describe('classifySentence: a closing quote after a trigger', () => {
  it('reads a trigger whose last word a quote closes, and still no trigger inside a possessive', () => {
    expect(types("Cairo said it would take 'all necessary measures' if the dam were filled.")).toEqual(['THREATEN']);
    expect(types("Officials reported 'exchanges of fire' near the airport.")).toContain('ASSAULT');
  });
});

describe('classifySentence: agency idiom', () => {
  it('reads farmers mowed down, activists chained to a gate, acts done in protest and tools of coercion ordered', () => {
    expect(types('Insurgents mowed down 20 villagers at a market.')).toContain('ASSAULT');
    expect(first('Activists chained themselves to the gates of the ministry.')).toMatchObject({ type: 'PROTEST', mode: 'demo' });
    expect(types('Students burned their exam papers in protest against the new law.')).toEqual(['PROTEST']);
    expect(first('The junta ordered the detention of three former ministers.')).toMatchObject({ type: 'COERCE', mode: 'arrest' });
    expect(first('The commander put the armed forces on maximum alert.')).toMatchObject({ type: 'MOBILIZE' });
  });
  it('reads representations lodged, talks walked out of, ties suspended and export controls tightened as accusations and sanctions', () => {
    expect(types('Beijing lodged stern representations with Tokyo over the visit.')).toEqual(['ACCUSE']);
    expect(types('The delegation walked out of the talks in protest.')[0]).toBe('SANCTION');
    expect(types('Seoul announced the suspension of military ties with Tokyo.')).toEqual(['SANCTION']);
    expect(types('Tokyo tightened controls on exports of chip materials to Seoul.')).toEqual(['SANCTION']);
  });
  it('reads projects funded and deals inked, and a spending target hit as no threat of violence', () => {
    expect(first('Canberra will fund a new hospital in Honiara.')).toMatchObject({ type: 'AGREE' });
    expect(types('The two countries inked a deal on a new railway line.')).toEqual(['SUPPORT']);
    expect(first('WFP planes airdropped rations over the flooded region.')).toMatchObject({ type: 'AID', mode: 'humanitarian' });
    expect(types('A court found the former militia leader Jean Bosco Ntaganda guilty of war crimes.')).toEqual(['SANCTION']);
    expect(classifySentence('Germany vows to hit the NATO defence spending target.').some((e) => e.mode === 'violence')).toBe(false);
  });
});

describe('classifySentence: shells as a noun', () => {
  it('reads shells counted or measured as munitions, and a country that shells a city as an assault', () => {
    expect(types('The cargo included 5,000 rockets and 122 mm shells.')).toEqual([]);
    expect(types('Russia shells Kharkiv overnight, killing two.')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: everyday wire copy', () => {
  it('reads trades protesting, streets blocked by crowds, and a company manager as no football', () => {
    expect(types('Hundreds of taxi drivers protested outside the ministry.')).toEqual(['PROTEST']);
    expect(types('Thousands of farmers blocked the main highway into the capital.')).toEqual(['PROTEST']);
    expect(types('Police detained the newspaper\'s general manager in a raid on its offices.')).toContain('COERCE');
  });
  it('reads a carrier ordered to a sea, the army called in and soldiers ordered into drills as shows of force', () => {
    expect(first('The Pentagon ordered the carrier USS Nimitz and its strike group to the Arabian Sea.')).toMatchObject({ type: 'MOBILIZE' });
    expect(first('The government called in the army to guard the parliament.')).toMatchObject({ type: 'MOBILIZE', mode: 'troops' });
    expect(first('The president ordered 50,000 soldiers into drills on the border.')).toMatchObject({ type: 'MOBILIZE' });
  });
  it('reads broadcasters banned from airing, assets frozen, rigging alleged, proceedings opened, regrets expressed and jailed people freed', () => {
    expect(first('The regulator banned the channel from broadcasting for a month.')).toMatchObject({ type: 'COERCE', mode: 'censor' });
    expect(types("Washington's freezing of $7 billion in central bank assets hit the economy.")).toEqual(['SANCTION']);
    expect(types('The opposition alleged massive fraud in the count.')).toEqual(['ACCUSE']);
    expect(types('Youths threw stones during protests against the alleged abuses.')).not.toContain('ACCUSE');
    expect(types('Brussels opened formal proceedings against the platform.')).toEqual(['ACCUSE']);
    expect(types('The king expressed his deepest regrets for the colonial abuses.')).toEqual(['CONCEDE']);
    expect(first('Minsk freed 14 jailed activists after the talks.')).toMatchObject({ type: 'RETREAT', mode: 'release' });
    expect(first("Islamabad warns of 'full force' response to any incursion")).toMatchObject({ type: 'THREATEN' });
  });
});

describe('classifySentence: launchers delivered, regrets in quotes', () => {
  it('reads rocket systems delivered as aid and quoted regrets as a concession', () => {
    expect(types('Washington has delivered eight more HIMARS rocket systems to Kyiv.')).toEqual(['AID']);
    expect(types('The prime minister expressed "profound regret" over the massacre.')).toEqual(['CONCEDE']);
  });
});

describe('classifySentence: lawsuits, joint work, resumed trade, withdrawn bills', () => {
  it('reads a case filed against a state as an accusation', () => {
    expect(types('Ukraine has filed a new case against Russia at the European Court of Human Rights.')).toEqual(['ACCUSE']);
    expect(types('Gambia brought proceedings against Myanmar at the World Court.')).toEqual(['ACCUSE']);
  });
  it('reads police working alongside police, forces joined and trade resumed as cooperation', () => {
    expect(types('Kenyan detectives are working alongside Ugandan police to track down the gang.')).toEqual(['COOPERATE']);
    expect(types('Kenya and Uganda teamed up to fight cattle rustlers.')).toEqual(['COOPERATE']);
    expect(first('Brazil resumed beef exports to China on Thursday.')).toMatchObject({ type: 'COOPERATE', mode: 'economic' });
    expect(types('Chile and Peru opened a joint customs post at the crossing.')).toEqual(['COOPERATE']);
    expect(types('The minister resumed his speech after the interruption.')).toEqual([]);
  });
  it('reads a bill withdrawn and a government bowing to pressure as concessions', () => {
    expect(types('The ruling party withdrew the contested "foreign agents" bill.')).toEqual(['CONCEDE']);
    expect(types('Bowing to weeks of pressure from the opposition, parliament voted to restore the term limit.')).toContain('CONCEDE');
  });
  it('reads an office ordered to close and a visitor arriving for talks further on', () => {
    expect(first("Burundi's government has ordered the U.N. human rights office in Bujumbura to close.")).toMatchObject({ type: 'SANCTION', mode: 'expel' });
    expect(first('Chinese foreign minister arrives in Islamabad for two days of talks on security')).toMatchObject({ type: 'CONSULT', mode: 'visit' });
    expect(first('The envoy spent the week shuttling between capitals in the region.')).toMatchObject({ type: 'CONSULT', mode: 'third-party' });
  });
});

describe('classifySentence: positions handed over, soldiers needed, a fight against terrorism', () => {
  it('reads positions as a noun after an article, and soldiers an army needs as no deployment', () => {
    expect(types('Ethiopia has withdrawn about 2,500 soldiers from bases and handed the positions to Somali government forces.')).toEqual(['RETREAT']);
    expect(types('The national army needs more than 20,000 additional trained soldiers to take over security.')).toEqual([]);
    expect(types('The army positioned 5,000 soldiers near the frontier.')).toEqual(['MOBILIZE']);
    expect(types('The Pentagon is sending 3,000 additional troops to Poland.')).toEqual(['MOBILIZE']);
  });
  it('reads a partner in the fight against terrorism as no attack, and troops fighting militants as one', () => {
    expect(types('Addis Ababa remained a committed partner in the fight against terrorism.')).toEqual([]);
    expect(types('Pakistani troops fight against militants in the northwest.')).toEqual(['ASSAULT']);
  });
});

describe('the lexicon pattern language', () => {
  const rules = { irregular: {}, double: [] };
  it('compiles "!" to a test of the next word, and refuses a "!" token it cannot read', () => {
    const re = new RegExp(patternSource('@mass !killings|graves ~3 troops', rules), 'iy');
    expect(re.test('massed 100,000 troops')).toBe(true);
    re.lastIndex = 0;
    expect(re.test('mass killings of troops')).toBe(false);
    expect(() => patternSource('@mass !killings|graves? ~3 troops', rules)).toThrow(/bad "!" token/);
  });
  it('reads an apology offered as support, as CAMEO codes apologies', () => {
    expect(types('The Dutch government offered a formal apology to Indonesia for the violence.')).toEqual(['SUPPORT']);
  });
  it('reads "mass" before killings or graves as no massing of troops', () => {
    expect(types('Investigators opened an inquiry into alleged mass killings by security forces.')).not.toContain('MOBILIZE');
    expect(types('Russia massed 100,000 troops on the border.')).toEqual(['MOBILIZE']);
  });
});

describe('classifySentence: the mode of a threat of a ground operation', () => {
  it('reads a threatened ground operation, incursion or rocket fire as a threat of violence', () => {
    expect(first('Turkey gives Iraq 30 days to clear militants from Sinjar or face ground operation')).toMatchObject({ type: 'THREATEN', mode: 'violence' });
    expect(first('Ankara threatened to launch a fresh ground incursion into northern Syria.')).toMatchObject({ type: 'THREATEN', mode: 'violence' });
    expect(first('China threatened to impose tariffs on Australian wine.')).toMatchObject({ type: 'THREATEN', mode: 'restrict' });
  });
});

describe('classifySentence: a defence spoken and a convoy let through', () => {
  it('reads coming to the defence of someone as support, and a convoy allowed to cross as access granted', () => {
    expect(types("Islamabad came to the defence of Doha's mediation role on Wednesday.")).toEqual(['SUPPORT']);
    expect(first('Damascus allowed a U.N. aid convoy of 30 trucks to cross into rebel-held northwest Syria.')).toMatchObject({ type: 'RETREAT', mode: 'access' });
  });
});

describe('classifySentence: praise, passives of concession and access, returns, resignations, seizures', () => {
  it('reads hailing and standing by someone as support, but not a hail of bullets or police standing by', () => {
    expect(types("Washington hails Armenia-Azerbaijan peace accord as 'historic'")).toEqual(['SUPPORT']);
    expect(types('Moscow stands by Minsk as Western capitals reject Belarus vote')).toContain('SUPPORT');
    expect(types("Indonesia's president threw his weight behind Kuala Lumpur's efforts.")).toEqual(['SUPPORT']);
    expect(types('A hail of bullets hit the car.')).toEqual([]);
    expect(types('Police stood by and watched.')).toEqual([]);
  });
  it('reads a ban lifted in the passive, a suspension lifted and tax rises dropped as concessions', () => {
    expect(types("The ban on 26 social media platforms was lifted by Nepal's government late on Monday.")).toEqual(['CONCEDE']);
    expect(types("Guinea's military rulers lifted the suspension of two opposition parties.")).toEqual(['CONCEDE']);
    expect(types('Nairobi drops tax rises from budget after weeks of street protests')).toContain('CONCEDE');
    expect(types('The government imposed a ban on rallies.')).toEqual(['COERCE']);
  });
  it('reads quitting an organisation and aid frozen in the passive as sanctions', () => {
    expect(first('Argentina is pulling out of the World Health Organization, the spokesman said.')).toMatchObject({ type: 'SANCTION', mode: 'withdraw' });
    expect(first("Dutch budget support to Kigali has been frozen over Rwanda's backing of the M23.")).toMatchObject({ type: 'SANCTION', mode: 'discontinue' });
    expect(types('Troops are pulling out of the northern town.')).not.toContain('SANCTION');
  });
  it('reads boats blocked by a coast guard and gold seized as coercion', () => {
    expect(first('Chinese coast guard vessels blocked two Philippine boats attempting to resupply troops.')).toMatchObject({ type: 'COERCE', mode: 'restrict' });
    expect(first("Mali's junta seized three tonnes of gold from the Canadian miner.")).toMatchObject({ type: 'COERCE', mode: 'confiscate' });
  });
  it('reads objects handed back, resignations handed in, weapons burned and inspectors let back in as retreats', () => {
    expect(first('A sacred drum seized by colonial troops in 1916 was handed back to Cote d\'Ivoire.')).toMatchObject({ type: 'RETREAT', mode: 'return' });
    expect(first("France's prime minister handed his resignation to the president on Monday.")).toMatchObject({ type: 'RETREAT', mode: 'resign' });
    expect(first('About 30 fighters burned their rifles at a ceremony.')).toMatchObject({ type: 'RETREAT', mode: 'disarm' });
    expect(first("UN nuclear inspectors were allowed back into Iran's Bushehr plant on Wednesday.")).toMatchObject({ type: 'RETREAT', mode: 'access' });
  });
  it('reads suspects handed to another state, a ruling defied and a chargé summoned', () => {
    expect(first('Thai police handed 12 suspects wanted over scam centres to Chinese authorities at the airport.')).toMatchObject({ type: 'COOPERATE', mode: 'legal' });
    expect(types('Hungary will not comply with an EU court ruling.')).toEqual(['REJECT']);
    expect(types("The Russian charge d'affaires was summoned to the foreign ministry in Warsaw.")).toEqual(['ACCUSE']);
    expect(types("Kremlin dismisses European-Ukrainian counter-proposal as 'unconstructive'")).toEqual(['REJECT']);
  });
});

describe('classifySentence: a clash of words', () => {
  it('reads countries clashing diplomatically or leaders clashing over policy as no attack', () => {
    expect(types('Peru and Bolivia have clashed diplomatically before.')).toEqual([]);
    expect(types('The two leaders clashed over policy in a televised debate.')).toEqual([]);
    expect(types('Police clashed with protesters in the capital.')).toContain('ASSAULT');
  });
});

describe('classifySentence: deployments told by their purpose, money disbursed, strained ties ended, protests about stadiums', () => {
  it('reads police landing to reinforce a force as a deployment, and money disbursed in the passive as aid', () => {
    expect(types('Some 400 Kenyan police officers landed in Port-au-Prince on Friday to reinforce the multinational force.')).toEqual(['MOBILIZE']);
    expect(first('A further 1 billion euros in macro-financial assistance was disbursed to Egypt on Thursday.')).toMatchObject({ type: 'AID', mode: 'economic' });
  });
  it('reads ending strained relations as support, and ending relations as a sanction', () => {
    expect(types('The agreement was signed on Friday by the two defence ministers, ending a year of strained relations.')).toEqual(['SUPPORT']);
    expect(types('Russia ended diplomatic relations with Georgia.')).toEqual(['SANCTION']);
  });
  it('reads a crowd demanding schools instead of World Cup stadiums as a protest, and fans celebrating as none', () => {
    expect(types('Several thousand young Moroccans took to the streets of Rabat, demanding better schools instead of World Cup stadiums.')).toEqual(['PROTEST']);
    expect(types('Fans took to the streets to celebrate the World Cup win.')).toEqual([]);
  });
});

describe('classifySentence: acts someone may yet face, famine deaths, police raids', () => {
  it('reads torture or attack someone would face as not done', () => {
    expect(types('Thailand deported 40 Uyghur men to China despite warnings that they faced torture.')).toEqual(['COERCE']);
    expect(types('Leaflets ordered residents to leave the town within 48 hours or face attack.')).not.toContain('ASSAULT');
    expect(types('Detainees faced torture in the prison, survivors said.')).toEqual(['ASSAULT']);
  });
  it('reads famine deaths as no attack, and an attack that could justify a response as not done', () => {
    expect(types('The bloc approved emergency food aid for Somalia, where famine has killed tens of thousands.')).toEqual(['AID']);
    expect(types("Beijing summoned Japan's ambassador over remarks that a Chinese attack on Taiwan could justify a military response.")).toEqual(['ACCUSE']);
  });
  it('reads police or a government raiding homes and offices as coercion, and troops raiding homes as an assault', () => {
    expect(types('Germany bans neo-Nazi group Hammerskins, raids homes of members')).toEqual(['COERCE']);
    expect(types('Police raided the offices of the newspaper.')).toEqual(['COERCE']);
    expect(types('Israeli troops raided homes in Jenin.')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: a condemnation told as a quote', () => {
  it('reads a quoted charge that the speaker "said of" an act as an accusation, and a quoted compliment as none', () => {
    expect(types("'This is state terrorism, pure and simple,' Turkish President Recep Tayyip Erdogan said of Israel's bombardment of Gaza.")).toContain('ACCUSE');
    expect(types('"This is a flagrant violation of our sovereignty," the foreign minister said of the referendum.')).toEqual(['ACCUSE']);
    expect(types('"It was a great honour," the minister said of the award.')).toEqual([]);
  });
});

describe('classifySentence: a halt to fighting', () => {
  it('reads a halt to fighting and the height of the fighting as no attack reported', () => {
    expect(types('Thailand and Cambodia signed a ceasefire agreement committing both sides to a permanent halt to fighting along their border.')).not.toContain('ASSAULT');
    expect(types('Fighting raged along the border on Monday.')).toEqual(['ASSAULT']);
  });
});

describe('classifySentence: riot control, collapses, full dates', () => {
  it('reads tear gas and batons used on a crowd as repression, and water cannon on a boat as an attack of no such mode', () => {
    expect(first('Serbian riot police fire tear gas, stun grenades to break up Belgrade protest; 80 injured')).toMatchObject({ type: 'ASSAULT', mode: 'repression' });
    expect(first('Security forces fired tear gas and live rounds at demonstrators, killing seven.')).toMatchObject({ type: 'ASSAULT' });
    expect(first('Security forces fired tear gas and live rounds at demonstrators, killing seven.')?.mode).not.toBe('repression');
    expect(first('Coast guard ships blasted a supply boat with water cannon near the shoal, injuring several crew members.')?.mode).not.toBe('repression');
  });
  it('reads a building or canopy collapse as no attack', () => {
    expect(types('A building collapsed in Lagos, killing 12.')).toEqual([]);
  });
  it('dates an act on a full date of an earlier year, or of three months and more before, as background', () => {
    const pub = new Date('2026-02-01T00:00:00Z');
    const bg = (s: string, t: string) => isBackground(s, { start: s.indexOf(t), end: s.indexOf(t) + t.length }, pub);
    expect(bg('Russian forces shelled the town on Nov. 1, 2024, killing five.', 'shelled')).toBe(true);
    expect(bg('Russian forces shelled the town on 3 October 2025, killing five.', 'shelled')).toBe(true);
    expect(bg('Russian forces shelled the town on January 28, 2026, killing five.', 'shelled')).toBe(false);
  });
});

describe('classifySentence: forces pushed out', () => {
  it('reads "Ukrainian forces out of Kursk" as no expulsion, and residents forced out as one', () => {
    expect(types('Pyongyang sent troops to help Russia push Ukrainian forces out of Kursk.')).not.toContain('COERCE');
    expect(first('Gangs forced out 3,000 residents from the district.')).toMatchObject({ type: 'COERCE', mode: 'deport' });
    expect(first('The militia forces out hundreds of families every month.')).toMatchObject({ type: 'COERCE', mode: 'deport' });
  });
});

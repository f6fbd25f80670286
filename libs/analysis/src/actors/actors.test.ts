import { describe, expect, it } from 'vitest';
import type { EventType } from '../types.ts';
import { assignRoles, findActorMentions, type RoleOptions } from './index.ts';

function codes(sentence: string, at?: Date): string[] {
  return findActorMentions(sentence, at).map((m) => m.code);
}

/** Roles for the event triggered by the first occurrence of `trigger` in the sentence. */
function roles(sentence: string, trigger: string, type: EventType, at?: Date, options?: RoleOptions) {
  const start = sentence.indexOf(trigger);
  if (start < 0) throw new Error(`trigger "${trigger}" not in sentence`);
  return assignRoles(sentence, findActorMentions(sentence, at), { start, end: start + trigger.length }, type, options);
}
const REPORTED = { reportedSubject: true };
const reported = (sentence: string, trigger: string, type: EventType) => roles(sentence, trigger, type, undefined, REPORTED);

describe('findActorMentions', () => {
  it('resolves country names and their common variants', () => {
    expect(codes('The United States, the U.S. and America are one; so are Britain, the UK and Great Britain.')).toEqual([
      'USA', 'USA', 'USA', 'GBR', 'GBR', 'GBR',
    ]);
    expect(codes('South Korea, the Republic of Korea, the DPRK and North Korea met.')).toEqual(['KOR', 'KOR', 'PRK', 'PRK']);
    expect(codes('Kosovo, Taiwan and the State of Palestine.')).toEqual(['XKX', 'TWN', 'PSE']);
  });

  it('gives offsets, text and kind of each mention', () => {
    const [m] = findActorMentions('Troops from North Korea arrived.');
    expect(m).toEqual({ code: 'PRK', start: 12, end: 23, text: 'North Korea', kind: 'country' });
  });

  it('resolves demonyms, singular and plural', () => {
    const found = findActorMentions('North Korean troops joined Russian units; Ukrainian soldiers and Israelis watched.');
    expect(found.map((m) => [m.text, m.code, m.kind])).toEqual([
      ['North Korean', 'PRK', 'demonym'],
      ['Russian', 'RUS', 'demonym'],
      ['Ukrainian', 'UKR', 'demonym'],
      ['Israelis', 'ISR', 'demonym'],
    ]);
  });

  it('resolves capitals and metonyms', () => {
    expect(codes('Pyongyang and Moscow signed; Beijing, Washington and Tehran reacted.')).toEqual([
      'PRK', 'RUS', 'CHN', 'USA', 'IRN',
    ]);
    const metonyms = findActorMentions('The Kremlin, the Pentagon, the White House and Downing Street all commented.');
    expect(metonyms.map((m) => [m.code, m.kind])).toEqual([
      ['RUS', 'metonym'], ['USA', 'metonym'], ['USA', 'metonym'], ['GBR', 'metonym'],
    ]);
  });

  it('resolves organisations and the armed groups of a country', () => {
    expect(codes('NATO, the U.N. Security Council, the EU, the African Union, ASEAN, the IAEA and the OSCE.')).toEqual([
      'NATO', 'UN', 'EU', 'AU', 'ASEAN', 'IAEA', 'OSCE',
    ]);
    expect(codes('Hezbollah, Hamas, the Houthis and the Taliban.')).toEqual(['LBN', 'PSE', 'YEM', 'AFG']);
  });

  it('resolves office-holders only within their term when a date is given', () => {
    expect(codes('Zelenskyy spoke.', new Date('2019-01-01'))).toEqual([]);
    expect(codes('Zelenskyy spoke.', new Date('2024-01-01'))).toEqual(['UKR']);
    expect(codes('Yoon Suk Yeol declared martial law.', new Date('2024-12-03'))).toEqual(['KOR']);
    expect(codes('Yoon Suk Yeol spoke.', new Date('2025-06-01'))).toEqual([]);
    expect(codes('Biden said.', new Date('2022-03-01'))).toEqual(['USA']);
    expect(codes('Biden said.', new Date('2025-03-01'))).toEqual([]);
    expect(codes('Putin and Kim Jong Un met.', new Date('2024-06-19'))).toEqual(['RUS', 'PRK']);
  });

  it('follows an office-holder from one office to the next', () => {
    expect(codes('Rutte said.', new Date('2020-01-01'))).toEqual(['NLD']);
    expect(codes('Rutte said.', new Date('2025-01-01'))).toEqual(['NATO']);
    // Without a date, the latest term.
    expect(codes('Rutte said.')).toEqual(['NATO']);
  });

  it('resolves titles through the demonym', () => {
    expect(codes('The Russian president spoke to the South Korean foreign minister.')).toEqual(['RUS', 'KOR']);
  });

  it('is case-sensitive where case decides', () => {
    expect(codes('Let us hope the US agrees.')).toEqual(['USA']);
    expect(codes('They ate turkey in May; Turkey objected.')).toEqual(['TUR']);
  });

  it('keeps ambiguous names apart', () => {
    expect(codes('Georgia accused Russia.')).toEqual(['GEO', 'RUS']);
    expect(codes('Jordan Peterson and Michael Jordan visited Jordan.')).toEqual(['JOR']);
    expect(codes('Chad Smith drummed; Chad closed its border.')).toEqual(['TCD']);
    expect(codes("China, the People's Republic of China, Taiwan and the Republic of China.")).toEqual([
      'CHN', 'CHN', 'TWN', 'TWN',
    ]);
    expect(codes('The Democratic Republic of the Congo and the Republic of the Congo; Congo-Brazzaville.')).toEqual([
      'COD', 'COG', 'COG',
    ]);
    expect(codes('Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea.')).toEqual(['GIN', 'GNB', 'GNQ', 'PNG']);
    expect(codes('Niger and Nigeria; Nigerien and Nigerian troops.')).toEqual(['NER', 'NGA', 'NER', 'NGA']);
  });

  it('does not take newspapers, US states or bare "Korea" for actors', () => {
    expect(codes('The Washington Post and the New York Times reported.')).toEqual([]);
    expect(codes('Tensions on the Korean Peninsula rose after the Korean War anniversary.')).toEqual([]);
    expect(codes("Korea's exports rose.")).toEqual([]);
    expect(codes('Voters in New Mexico and New Jersey.')).toEqual([]);
  });

  it('matches text with accents, curly apostrophes and in all capitals', () => {
    expect(codes('Côte d’Ivoire and Cote d\'Ivoire.')).toEqual(['CIV', 'CIV']);
    expect(codes('IRAN WARNS ISRAEL AND THE US')).toEqual(['IRN', 'ISR', 'USA']);
  });
});

describe('findActorMentions: the war in Ukraine', () => {
  it('resolves front-line towns, "RF" and the Russian abbreviations of the Armed Forces of Ukraine', () => {
    expect(codes('Shelling of Gorlovka and Yasinovataya continued near Kupyansk.')).toEqual(['UKR', 'UKR', 'UKR']);
    expect(codes('The RF Armed Forces repelled an attack by APU units.')).toEqual(['RUS', 'UKR']);
  });
});

describe('findActorMentions: a place its country owns', () => {
  it('gives a city that shares its name the country the sentence puts it in', () => {
    expect(codes("Explosions killed 29 outside two mosques in Lebanon's Tripoli.")).toEqual(['LBN', 'LBN']);
    expect(codes('Clashes erupted in the northern Lebanese city of Tripoli.')).toEqual(['LBN', 'LBN']);
    expect(codes('Fighting resumed in Tripoli.')).toEqual(['LBY']);
  });
  it('keeps a capital that describes a noun: "Israel\'s Washington ambassador", "Russia\'s Kyiv strike"', () => {
    expect(codes("Israel's Washington ambassador protested.")).toEqual(['ISR', 'USA']);
    expect(codes("Russia's Kyiv strike killed five.")).toEqual(['RUS', 'UKR']);
    expect(codes("Gunmen attacked a mosque in Lebanon's Tripoli on Friday.")).toEqual(['LBN', 'LBN']);
  });
});

describe('assignRoles', () => {
  it('takes the subject as actor and the object as target', () => {
    expect(roles('North Korea has sent troops to Russia.', 'sent', 'MOBILIZE')).toEqual({ actors: ['PRK'], targets: ['RUS'] });
    expect(roles('Ukrainian drones struck a refinery in Russia.', 'struck', 'ASSAULT')).toEqual({
      actors: ['UKR'],
      targets: ['RUS'],
    });
  });

  it('reads a request in reported speech: the speaker asks, the subject of "must" is asked', () => {
    expect(reported('Norway said on Monday that Chile must release the trawler crews.', 'must', 'REQUEST')).toEqual({
      actors: ['NOR'],
      targets: ['CHL'],
    });
    expect(reported('The Kenyan minister told reporters that Uganda and Tanzania should reopen the lake route.', 'should', 'REQUEST')).toEqual({
      actors: ['KEN'],
      targets: ['UGA', 'TZA'],
    });
    expect(reported('Germany told France that Russia must withdraw its troops.', 'must', 'REQUEST')).toEqual({ actors: ['DEU'], targets: ['RUS'] });
  });
  it('reads an accusation in reported speech: the one who says or finds it accuses, the subject of the act is accused', () => {
    expect(reported("Amnesty International said in a report that Myanmar's military had committed war crimes in Rakhine.", 'committed war crimes', 'ACCUSE')).toEqual({
      actors: ['AMNESTY'],
      targets: ['MMR'],
    });
    expect(reported('UN investigators found that Russian forces had committed war crimes in Kherson.', 'committed war crimes', 'ACCUSE')).toEqual({
      actors: ['UN'],
      targets: ['RUS'],
    });
  });
  it('reads the nearest subject when the trigger is not marked as reported', () => {
    expect(roles('Norway said on Monday that Chile must release the trawler crews.', 'must', 'REQUEST').actors).toEqual(['CHL']);
  });

  it('takes the subject of the condition as the target of a threat without an object', () => {
    expect(roles('Peru threatened to recall its envoy unless Ecuador withdraws the patrol boats.', 'threatened', 'THREATEN')).toEqual({
      actors: ['PER'],
      targets: ['ECU'],
    });
    expect(roles('Peru threatened to recall its envoy if talks with Ecuador fail.', 'threatened', 'THREATEN')).toEqual({
      actors: ['PER'],
      targets: [],
    });
  });

  it('reads possessives', () => {
    expect(roles("Russia's invasion of Ukraine entered its third year.", 'invasion', 'ASSAULT')).toEqual({
      actors: ['RUS'],
      targets: ['UKR'],
    });
  });

  it('reads the passive voice', () => {
    expect(roles('A Ukrainian convoy was attacked by Russian drones.', 'attacked', 'ASSAULT')).toEqual({
      actors: ['RUS'],
      targets: ['UKR'],
    });
    expect(roles('Two Israeli soldiers were killed near the border.', 'killed', 'ASSAULT')).toEqual({
      actors: [],
      targets: ['ISR'],
    });
    // Motion verbs keep their subject as the actor.
    expect(roles('North Korean troops were sent to Russia.', 'sent', 'MOBILIZE')).toEqual({
      actors: ['PRK'],
      targets: ['RUS'],
    });
  });

  it('makes the summoned ambassador’s country the target of a summons', () => {
    expect(roles('South Korea summoned the Russian ambassador on Monday.', 'summoned', 'ACCUSE')).toEqual({
      actors: ['KOR'],
      targets: ['RUS'],
    });
    expect(roles('Seoul summoned the ambassador of Russia.', 'summoned', 'ACCUSE')).toEqual({
      actors: ['KOR'],
      targets: ['RUS'],
    });
  });

  it('groups conjoined subjects and objects', () => {
    expect(roles('Russia and North Korea signed a defence pact.', 'signed', 'AGREE')).toEqual({
      actors: ['RUS', 'PRK'],
      targets: [],
    });
    expect(roles('The EU imposed sanctions on Iran, Belarus and Russia.', 'imposed', 'SANCTION')).toEqual({
      actors: ['EU'],
      targets: ['IRN', 'BLR', 'RUS'],
    });
  });

  it('leaves out countries mentioned only in passing', () => {
    // A relative clause.
    expect(roles('Kim, whose envoy visited Beijing in June, sent troops to Russia.', 'sent', 'MOBILIZE').actors).toEqual([]);
    // An attribution after the event.
    expect(roles('Russia fired missiles at Kyiv, Ukrainian officials said.', 'fired', 'ASSAULT')).toEqual({
      actors: ['RUS'],
      targets: ['UKR'],
    });
    // A quoted source.
    expect(
      roles('According to Seoul, Pyongyang has deployed troops to Russia.', 'deployed', 'MOBILIZE'),
    ).toEqual({ actors: ['PRK'], targets: ['RUS'] });
    // A modifier, and a month.
    expect(roles('Iranian-made drones launched by Russia hit Odesa in May.', 'hit', 'ASSAULT')).toEqual({
      actors: ['RUS'],
      targets: ['UKR'],
    });
    // A location that is not a participant.
    expect(roles('Meeting in Seoul, Japan and the US agreed to share radar data.', 'agreed', 'AGREE')).toEqual({
      actors: ['JPN', 'USA'],
      targets: [],
    });
    // An ethnic group is not the state of the same name.
    expect(roles('Ethnic Russians in Moldova demanded autonomy.', 'demanded', 'REQUEST').actors).toEqual(['MDA']);
  });

  it('names the target of a complaint, not its addressee', () => {
    expect(roles('Lebanon complained to the UN over Israeli air strikes.', 'complained', 'ACCUSE')).toEqual({
      actors: ['LBN'],
      targets: ['ISR'],
    });
  });

  it('joins a demonym, a title and a name into one actor', () => {
    expect(
      roles('Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a treaty.', 'signed', 'AGREE'),
    ).toEqual({ actors: ['RUS', 'IRN'], targets: [] });
  });
});

describe('assignRoles: who speaks is not who acts', () => {
  it('leaves the actor unknown when the nearest mention only reports the act', () => {
    expect(roles('The Pentagon said Iran-backed militias attacked a U.S. base in Syria.', 'attacked', 'ASSAULT')).toEqual({ actors: [], targets: ['USA'] });
    expect(roles('Kyiv says unidentified drones struck a refinery in the south.', 'struck', 'ASSAULT').actors).toEqual([]);
    expect(roles('Explosions at a depot used by the Iran-aligned militia south of Baghdad killed six.', 'killed', 'ASSAULT').actors).not.toContain('IRN');
  });
  it('keeps the speaker when a pronoun takes it up again', () => {
    expect(roles('Ukraine said it shot down 20 Russian drones overnight.', 'shot down', 'ASSAULT').actors).toEqual(['UKR']);
    expect(roles('Russia said on Monday that its forces had captured the village.', 'captured', 'ASSAULT').actors).toEqual(['RUS']);
  });
  it('takes the nearer subject after the verb of saying', () => {
    expect(roles('Officials said Russian forces attacked the town.', 'attacked', 'ASSAULT').actors).toEqual(['RUS']);
  });
});

describe('assignRoles: a place named after "of"', () => {
  it('is no subject for a later trigger when a stronger subject is there', () => {
    expect(roles('Israel ordered the evacuation of northern Gaza ahead of a ground offensive.', 'offensive', 'ASSAULT').actors).toEqual(['ISR']);
  });
  it('is a subject after a noun that acts', () => {
    expect(roles('The government of Sudan launched air strikes on the rebels.', 'launched', 'ASSAULT').actors).toEqual(['SDN']);
  });
});

describe('assignRoles: an agent named by its head noun', () => {
  it('reads "by the Armed Forces of Ukraine" as the one who acts', () => {
    expect(roles('The village was shelled by the Armed Forces of Ukraine.', 'shelled', 'ASSAULT')).toEqual({ actors: ['UKR'], targets: [] });
    expect(roles('Two people died in the shelling of Donetsk by the Armed Forces of Ukraine.', 'shelling', 'ASSAULT')).toEqual({
      actors: ['UKR'],
      targets: ['UKR'],
    });
  });
  it('still reads "the residents of Kharkiv" as no agent', () => {
    expect(roles('Russian troops shelled the residents of Kharkiv.', 'shelled', 'ASSAULT')).toEqual({ actors: ['RUS'], targets: ['UKR'] });
  });
});

describe('assignRoles: a speech act in a participle after the verb of saying', () => {
  it('gives the accusation to the speaker, not to whoever the reported clause names', () => {
    expect(roles('The Armenian prime minister said on Monday that talks had failed, accusing Azerbaijan of shelling villages.', 'accusing', 'ACCUSE')).toEqual({
      actors: ['ARM'],
      targets: ['AZE'],
    });
    expect(roles('Armenia said Azerbaijani forces had shelled three villages overnight, accusing Baku of wrecking the talks.', 'accusing', 'ACCUSE')).toEqual({
      actors: ['ARM'],
      targets: ['AZE'],
    });
    expect(roles("Armenia's prime minister, Nikol Pashinyan, said talks had failed, accusing Azerbaijan of shelling villages.", 'accusing', 'ACCUSE').actors).toEqual(['ARM']);
    expect(roles('Iran said it would respond, warning Israel against any attack.', 'warning', 'THREATEN')).toEqual({ actors: ['IRN'], targets: ['ISR'] });
  });
  it('leaves the speaker unknown when the one named before the verb is not its subject', () => {
    const treasury = 'Washington imposed sanctions on three Iranian oil companies on Thursday, the Treasury Department said, accusing them of funding the militia.';
    expect(roles(treasury, 'accusing', 'ACCUSE').actors).toEqual([]);
  });
  it('keeps a participle of an act with the clause it follows', () => {
    expect(roles('The Pentagon said Iranian-backed militias attacked a base in Syria, killing two soldiers.', 'killing', 'ASSAULT').actors).not.toContain('USA');
  });
});

describe('assignRoles: a participle opening the sentence', () => {
  it('takes its subject from the clause after its comma, and its object from its own phrase', () => {
    expect(roles('Accusing Kyiv of sabotage, Moscow suspended the grain deal.', 'Accusing', 'ACCUSE')).toEqual({ actors: ['RUS'], targets: ['UKR'] });
    expect(roles("Bowing to weeks of pressure from the opposition, Togo's parliament voted to restore a term limit.", 'Bowing', 'CONCEDE')).toEqual({
      actors: ['TGO'],
      targets: [],
    });
  });
  it('reads an opening gerund of an attack as no participle: "Fighting raged in Khartoum, …"', () => {
    expect(roles("Fighting raged in Khartoum, Sudan's army said.", 'Fighting', 'ASSAULT').actors).toEqual([]);
  });
});

describe('assignRoles: headline passives and the acts their victims died in', () => {
  it('reads a participle with no object as a passive: the one named before it is acted on', () => {
    expect(roles('Russian journalist arrested in Georgia', 'arrested', 'COERCE')).toEqual({ actors: [], targets: ['RUS'] });
    expect(roles('Chinese firms accused of supplying drone parts', 'accused', 'ACCUSE')).toEqual({ actors: [], targets: ['CHN'] });
    expect(roles('Three NATO soldiers killed in one day', 'killed', 'ASSAULT')).toEqual({ actors: [], targets: ['NATO'] });
  });
  it('keeps the active reading when an object or "to" follows', () => {
    expect(roles('Russia attacked Ukraine on Monday.', 'attacked', 'ASSAULT')).toEqual({ actors: ['RUS'], targets: ['UKR'] });
    expect(roles('The Azerbaijani parliament threatened on Monday to break relations with Russia.', 'threatened', 'THREATEN').actors).toEqual(['AZE']);
    expect(roles('Germany condemned on Monday the attack on Israel.', 'condemned', 'ACCUSE').actors).toEqual(['DEU']);
  });
  it('reads the place of an agentless passive as its target, and no one after it', () => {
    expect(roles('Two people were killed in Kharkiv.', 'killed', 'ASSAULT')).toEqual({ actors: [], targets: ['UKR'] });
    expect(roles('Three people were killed when Russian drones attacked Odesa.', 'killed', 'ASSAULT')).toEqual({ actors: [], targets: [] });
  });
  it('reads a demonym or short form right before a nominal act as its actor, a full name there as the place', () => {
    expect(roles('Two soldiers killed in Russian shelling', 'shelling', 'ASSAULT').actors).toEqual(['RUS']);
    expect(roles('A commander was killed in a US drone strike', 'drone strike', 'ASSAULT').actors).toEqual(['USA']);
    const sentence = 'A soldier was killed in Afghanistan blast';
    const blast = { start: sentence.indexOf('blast'), end: sentence.length };
    expect(assignRoles(sentence, findActorMentions(sentence), blast, 'ASSAULT', { strongSubjectOnly: true }).actors).toEqual([]);
  });
});

describe('assignRoles: hedged, not spoken', () => {
  it('keeps the subject of "is believed to" or "is said to" as the actor', () => {
    expect(roles('China is believed to have supplied drones to Russia.', 'supplied', 'AID')).toEqual({ actors: ['CHN'], targets: ['RUS'] });
    expect(roles('The Pentagon said militias attacked a U.S. base.', 'attacked', 'ASSAULT').actors).toEqual([]);
  });
});

describe('assignRoles: protesters named by no country', () => {
  it('reads the crowd as the people of the place where it protests', () => {
    expect(roles('Demonstrators in Baghdad blocked a road to show their anger at the United States.', 'blocked a road', 'PROTEST')).toEqual({
      actors: ['IRQ'],
      targets: ['USA'],
    });
  });
  it('gives a crowd protesting against a foreign state no actor without a place', () => {
    expect(roles('A protest against US drone strikes was postponed.', 'protest', 'PROTEST').actors).toEqual([]);
  });
});

describe('assignRoles: a country\'s own people, named without it', () => {
  it('gives an unnamed group the one country the sentence names', () => {
    expect(roles('The Mozambique government accepted demands from rebels that it initiate reforms.', 'accepted demands', 'CONCEDE')).toEqual({
      actors: ['MOZ'],
      targets: ['MOZ'],
    });
    expect(roles('Opposition leaders demanded the resignation of the Algerian president.', 'demanded', 'REQUEST')).toEqual({
      actors: ['DZA'],
      targets: ['DZA'],
    });
    expect(roles('Burundi police fired tear gas at protesters.', 'fired tear gas', 'COERCE').targets).toEqual(['BDI']);
  });
  it('fills in no side when the sentence names another country, and no armed group in an attack', () => {
    expect(roles('Russian police detained protesters in Tbilisi.', 'detained', 'COERCE').targets).toEqual(['GEO']);
    expect(roles('Militants attacked an Israeli army post.', 'attacked', 'ASSAULT').actors).toEqual([]);
    expect(roles('US drone strikes killed eight al-Qaeda leaders.', 'killed', 'ASSAULT').targets).toEqual([]);
  });
});

describe('assignRoles: a clause opened by "as", a finding, a headline rape', () => {
  it('ends the object at "as" before a name: "fighting rages as Russia urges …"', () => {
    expect(roles('Syria fighting rages as Russia urges a re-think.', 'fighting', 'ASSAULT').targets).toEqual([]);
    expect(roles('Fierce clashes in east Syria as US pushes peace talks.', 'clashes', 'ASSAULT').targets).toEqual(['SYR']);
    expect(roles('Russia sent troops as well as tanks to Belarus.', 'sent troops', 'MOBILIZE').targets).toEqual(['BLR']);
  });
  it('reads the one that finds an attack as no actor of it', () => {
    expect(roles('The U.N. finds sarin used in a Syria chemical weapons attack.', 'attack', 'ASSAULT').actors).toEqual([]);
  });
  it('reads "raped" in a headline as a passive', () => {
    expect(roles('Swiss tourist gang raped in India, say police', 'raped', 'ASSAULT')).toEqual({ actors: [], targets: ['CHE'] });
  });
});

describe('assignRoles: the agent of a nominal act', () => {
  it('reads "violations by India" and "shelling by Russian forces" as acts of the agent, whoever the subject is', () => {
    expect(roles('Pakistan protests ceasefire violations by India', 'ceasefire violations', 'ASSAULT')).toEqual({ actors: ['IND'], targets: [] });
    expect(roles('Ukraine vowed to respond to the shelling by Russian forces.', 'shelling', 'ASSAULT').actors).toEqual(['RUS']);
  });
  it('keeps the "by" of a complaint or a refusal as the one complained of', () => {
    const s = 'Croatia is investigating alleged war crimes by Croatian extremists against Serb civilians.';
    expect(roles(s, 'investigating alleged war crimes', 'ACCUSE')).toEqual({ actors: ['HRV'], targets: ['HRV'] });
    expect(roles('The US rejected calls by the UN to adopt reforms.', 'rejected calls', 'REJECT')).toEqual({ actors: ['USA'], targets: ['UN'] });
  });
  it('reads the subject of a subordinate clause after a comma in that clause', () => {
    const s = 'Serbia eased emergency measures in Montenegro, as authorities in Croatia cracked down on Serbian nationalists.';
    expect(roles(s, 'cracked down on', 'COERCE').actors).toEqual(['HRV']);
    expect(roles('The EU, while divided, imposed sanctions on Russia.', 'imposed sanctions', 'SANCTION').actors).toEqual(['EU']);
  });
  it('reads a participle with its agent right after it as a passive', () => {
    expect(roles('Ukrainian units destroyed by Russian troops near Kupyansk', 'destroyed', 'ASSAULT')).toEqual({ actors: ['RUS'], targets: ['UKR'] });
  });
});

describe('assignRoles: hit by a nominal act, and places after a compass word', () => {
  it('reads the subject of "hit by mortar fire" as hit, and a demonym on the act as who fired', () => {
    expect(roles('Vatican Embassy in Syria hit by mortar fire', 'mortar fire', 'ASSAULT')).toEqual({ actors: [], targets: ['VAT'] });
    expect(roles('The embassy in Kyiv was damaged by Russian shelling.', 'shelling', 'ASSAULT')).toEqual({ actors: ['RUS'], targets: ['UKR'] });
    expect(roles('The Ukrainian military says civilians were killed by shelling.', 'shelling', 'ASSAULT').targets).toEqual([]);
  });
  it('reads "in Eastern Ukraine" as a place', () => {
    expect(roles('4 killed in Eastern Ukraine amid news of a new cease-fire', 'killed', 'ASSAULT').targets).toEqual(['UKR']);
  });
});

describe('assignRoles: the place of a nominal act', () => {
  it('reads a place right before a nominal act as where it happened', () => {
    expect(roles('Baghdad cafe bombing kills at least 38', 'bombing', 'ASSAULT')).toEqual({ actors: [], targets: ['IRQ'] });
    expect(roles('Rebel toll from Slavyansk raid tops 30', 'raid', 'ASSAULT')).toEqual({ actors: [], targets: ['UKR'] });
  });
  it('keeps a capital before a verb as the government that acts', () => {
    expect(roles('Moscow attacks Kyiv', 'attacks', 'ASSAULT')).toEqual({ actors: ['RUS'], targets: ['UKR'] });
  });
});

describe('assignRoles: a headline\'s second clause after a comma', () => {
  it('ends the object at ", Russia warns" but not inside a list of countries', () => {
    expect(roles('Syrian forces bombard Homs, Russia warns of civil war', 'bombard', 'ASSAULT').targets).toEqual(['SYR']);
    expect(roles('Russia sent troops to Belarus, Ukraine and Kazakhstan', 'sent troops', 'MOBILIZE').targets).toEqual(['BLR', 'UKR', 'KAZ']);
  });
});

describe('assignRoles: who reports it after a dash', () => {
  it('reads no target in the source a headline names after a spaced dash', () => {
    const s = 'Russian troops destroyed up to 40 soldiers in the Kupyansk direction - Russian Defense Ministry';
    expect(roles(s, 'destroyed', 'ASSAULT')).toEqual({ actors: ['RUS'], targets: ['UKR'] });
    expect(roles('Kiev forces violate ceasefire four times in past day - Lugansk militias', 'violate ceasefire', 'ASSAULT').targets).toEqual([]);
  });
});

describe('assignRoles: a retreat on one\'s own ground', () => {
  it('gives a withdrawal, surrender or ceasefire in the actor\'s own country no target', () => {
    expect(roles('Syrian rebels retreat from the besieged Homs district.', 'retreat', 'RETREAT')).toEqual({ actors: ['SYR'], targets: [] });
    expect(roles('Ugandan rebels surrendered in the eastern town of Soroti.', 'surrendered', 'RETREAT').targets).toEqual([]);
  });
  it('keeps a target that is someone else', () => {
    expect(roles('Russian troops withdrew from Kherson.', 'withdrew', 'RETREAT')).toEqual({ actors: ['RUS'], targets: ['UKR'] });
  });
});

describe('assignRoles: "is opposed to" is no passive', () => {
  it('keeps the subject of "is opposed to" as the actor when the trigger ends in "to"', () => {
    expect(roles('Israel is opposed to French mediation in the talks.', 'opposed to', 'REJECT')).toEqual({ actors: ['ISR'], targets: ['FRA'] });
  });
});

describe('assignRoles: coordinated verbs and whose troops', () => {
  it('does not make the object of a preposition the subject of a verb coordinated after it', () => {
    const s = 'He urged Russia to cease military cooperation with North Korea and warned that his country would respond.';
    expect(roles(s, 'warned', 'THREATEN').actors).toEqual([]);
    expect(roles('The United States defended the right of Russian troops to fire on militants in Azerbaijan and insisted on calm.', 'insisted', 'REQUEST').actors).toEqual(['USA']);
  });
  it('reads no actor when a pronoun\'s country comes between the mention and the act', () => {
    const s = 'He urged Russia to cease cooperation with North Korea and warned that his country would respond to acts that threaten its security.';
    expect(roles(s, 'threaten', 'THREATEN').actors).toEqual([]);
  });
  it('reads the demonym in "More French soldiers to …" as the actor', () => {
    expect(roles('More French soldiers to Central African Republic', 'More French soldiers to', 'MOBILIZE')).toEqual({ actors: ['FRA'], targets: ['CAF'] });
  });
  it('reads the demonym inside "the dispatch of North Korean troops to Russia" as the actor', () => {
    const s = 'Peskov said there had been contradictory information from the United States and South Korea regarding the dispatch of North Korean troops to Russia.';
    expect(roles(s, 'dispatch of North Korean troops', 'MOBILIZE')).toEqual({ actors: ['PRK'], targets: ['RUS'] });
  });
});

describe('assignRoles: "the shelling of the Armed Forces of Ukraine"', () => {
  it('reads the armed forces named after an act and "of" as the agent', () => {
    expect(roles('Two civilians died due to the shelling of the Armed Forces of Ukraine.', 'shelling', 'ASSAULT').actors).toEqual(['UKR']);
    expect(roles('The troops repelled the offensive of the army of Ukraine.', 'offensive', 'ASSAULT').actors).toEqual(['UKR']);
  });
});

describe('assignRoles: announcing a measure, and the offensive of troops', () => {
  it('keeps the subject that announces a measure as its actor, but not one that announces an attack', () => {
    expect(roles('The EU announced 50 million euros in humanitarian aid for Sudan.', 'humanitarian aid', 'AID').actors).toEqual(['EU']);
    expect(roles('The ministry announced that rebels had attacked Kharkiv.', 'attacked', 'ASSAULT').actors).toEqual([]);
  });
  it('reads "the offensive of Ukrainian troops" as Ukraine acting', () => {
    const s = 'The Russian ministry announced the failure of the offensive of Ukrainian troops in the east.';
    expect(roles(s, 'offensive', 'ASSAULT').actors).toEqual(['UKR']);
  });
});

describe('assignRoles: claiming responsibility', () => {
  it('reads the group that claims responsibility for an attack as its actor', () => {
    expect(roles('The Houthis claimed responsibility for a drone attack on Tel Aviv.', 'drone attack', 'ASSAULT')).toEqual({ actors: ['YEM'], targets: ['ISR'] });
  });
});

describe('assignRoles: coordinated active verbs are no headline passive', () => {
  it('reads "attacked and destroyed the depot" as active, "killed and wounded amid …" as passive', () => {
    expect(roles("Russia's army attacked and destroyed the depot.", 'attacked', 'ASSAULT').actors).toEqual(['RUS']);
    expect(roles('Three soldiers killed and wounded amid night attacks in Donetsk.', 'killed', 'ASSAULT').actors).toEqual([]);
  });
});

describe('assignRoles: places joined by "and", and "off" as a particle', () => {
  it('reads a place joined to a place by "and" as a place', () => {
    expect(roles('Artillery duels raged in Kharkiv and Zaporizhzhia overnight.', 'Artillery duels', 'ASSAULT')).toEqual({ actors: [], targets: ['UKR'] });
    expect(roles('Moscow threatened to cut off gas supplies unless Poland withdrew its forces.', 'threatened', 'THREATEN')).toEqual({ actors: ['RUS'], targets: ['POL'] });
  });
  it('reads "off" as placing only at sea', () => {
    expect(roles('Turkey broke off diplomatic relations with Egypt and Libya.', 'broke off', 'SANCTION')).toEqual({ actors: ['TUR'], targets: ['EGY', 'LBY'] });
    expect(roles('Pirates seized a tanker off the coast of Somalia.', 'seized', 'COERCE')).toEqual({ actors: [], targets: ['SOM'] });
  });
});

describe('assignRoles: headline passives of destruction', () => {
  it('reads "destroyed", "liquidated", "downed" with no object as passive', () => {
    expect(roles('Russian vehicles destroyed in the Vuhledar direction', 'destroyed', 'ASSAULT')).toEqual({ actors: [], targets: ['RUS'] });
    expect(roles('Ukrainian helicopter downed near Sloviansk', 'downed', 'ASSAULT')).toEqual({ actors: [], targets: ['UKR'] });
  });
  it('reads "destroyed over 100" as active: "over" with a number is a count, not a place', () => {
    expect(roles('Russian forces destroyed over 100 armoured vehicles near Kupiansk', 'destroyed', 'ASSAULT').actors).toEqual(['RUS']);
    expect(roles('Russian forces killed over 20 civilians in Kharkiv', 'killed', 'ASSAULT').actors).toEqual(['RUS']);
  });
});

describe('findActorMentions: a place a country owns', () => {
  it('owns a place only across words that describe a place, and not before a verb', () => {
    const codesOf = (s: string) => findActorMentions(s).map((m) => m.code);
    expect(codesOf("Iran's president accused Washington of supporting terrorism.")).toEqual(['IRN', 'USA']);
    expect(codesOf("Fighting in Lebanon's northern port city of Tripoli killed two.")).toEqual(['LBN', 'LBN']);
  });
});

describe('assignRoles: hit with sanctions', () => {
  it('reads the subject of "hit with" a measure as its target and the demonym on the measure as its actor', () => {
    expect(roles('Russian banks were hit with new US sanctions on Thursday.', 'sanctions', 'SANCTION')).toEqual({ actors: ['USA'], targets: ['RUS'] });
  });
});

describe('assignRoles: "shot at" with no object', () => {
  it('reads a headline "X shot at" as X being shot at, and "shot at protesters" as active', () => {
    expect(roles('Mauritanian president shot at', 'shot at', 'ASSAULT')).toEqual({ actors: [], targets: ['MRT'] });
    expect(roles('Syrian troops shot at protesters in the square.', 'shot at', 'ASSAULT').actors).toEqual(['SYR']);
  });
});

describe('assignRoles: people held by their own country', () => {
  it("fills in a coercion's target with the one country named, but not an attack's", () => {
    expect(roles('Egyptian police arrested 40 people in Cairo.', 'arrested', 'COERCE')).toEqual({ actors: ['EGY'], targets: ['EGY'] });
    expect(roles('Israeli strikes killed five people.', 'killed', 'ASSAULT')).toEqual({ actors: ['ISR'], targets: [] });
  });
});

describe('assignRoles: venues, owners and crowds', () => {
  it('leaves where two parties meet or agree out of the targets', () => {
    expect(roles('Serbia and Kosovo agreed in Brussels to reopen the crossing.', 'agreed', 'AGREE')).toEqual({ actors: ['SRB', 'XKX'], targets: [] });
    expect(roles('Armenian and Azerbaijani envoys met in Geneva on Friday.', 'met', 'CONSULT')).toEqual({ actors: ['ARM', 'AZE'], targets: [] });
  });
  it("reads a ship's owner or flag as the one attacked", () => {
    expect(roles('Houthi rebels fired missiles at a Greek-owned tanker.', 'fired missiles at', 'ASSAULT').targets).toEqual(['GRC']);
  });
  it('reads a crowd that is the trigger as the people of the one country named', () => {
    expect(roles('Some 50,000 demonstrators filled the streets of Tbilisi.', 'demonstrators', 'PROTEST')).toEqual({ actors: ['GEO'], targets: ['GEO'] });
  });
});

describe('assignRoles: mediators and "at least"', () => {
  it('leaves a mediator out of the sides, unless the mediation itself is what was accepted', () => {
    expect(roles('Iranian and U.S. negotiators held talks in Muscat with Omani mediation.', 'held talks', 'CONSULT')).toEqual({ actors: ['IRN', 'USA'], targets: [] });
    expect(roles('Israel and Hamas agreed to a truce brokered by Egypt, Qatar and the United States.', 'agreed', 'AGREE')).toEqual({ actors: ['ISR', 'PSE'], targets: [] });
    expect(roles('The prime minister agreed to US mediation in the talks.', 'agreed', 'AGREE').targets).toEqual(['USA']);
  });
  it('reads "detained at least 11" as active, not a headline passive', () => {
    expect(roles('Houthi authorities detained at least 11 United Nations staff.', 'detained', 'COERCE')).toEqual({ actors: ['YEM'], targets: ['UN'] });
  });
});

describe('assignRoles: a visit to another country', () => {
  it('reads the country visited as the other side when the object names the visitor again', () => {
    expect(roles('The Chinese premier arrived in Hanoi for an official visit, the first by a Chinese head of government.', 'visit', 'CONSULT')).toEqual({ actors: ['CHN'], targets: ['VNM'] });
    expect(roles('The Syrian opposition offered Syrian forces a truce.', 'offered', 'AGREE')).toEqual({ actors: ['SYR'], targets: ['SYR'] });
  });
});

describe('assignRoles: a country\'s airspace is a place', () => {
  it('reads "strayed into Moldovan airspace during attacks on Ukraine" as Russia attacking Ukraine', () => {
    expect(roles('Russian drones strayed into Moldovan airspace during attacks on Ukraine.', 'attacks', 'ASSAULT')).toEqual({ actors: ['RUS'], targets: ['UKR'] });
  });
});

describe('assignRoles: a country\'s own protest or coercion', () => {
  it('makes the one country named the target of a protest or coercion that names no one acted on', () => {
    expect(roles('Some 20,000 South African residents staged a peaceful march on Sunday.', 'staged a peaceful march', 'PROTEST')).toEqual({ actors: ['ZAF'], targets: ['ZAF'] });
    expect(roles('The Nicaraguan government ordered the opposition newspaper to suspend publication.', 'suspend publication', 'COERCE').targets).toEqual(['NIC']);
    expect(roles('Demonstrators in Baghdad protested against US policies.', 'protested', 'PROTEST').targets).toEqual(['USA']);
  });
});

describe('assignRoles: lists with an article, and the force a country sends', () => {
  it('reads "A, the B, C and D" as four parties, and ", the main backer of X," as an aside', () => {
    expect(roles('Jordan, the United Arab Emirates, Kuwait and Oman recalled their envoys from Damascus.', 'recalled', 'SANCTION').actors).toEqual(['JOR', 'ARE', 'KWT', 'OMN']);
    expect(roles('Egypt, a key U.S. ally in the region, expelled the Sudanese ambassador.', 'expelled', 'SANCTION')).toEqual({ actors: ['EGY'], targets: ['SDN'] });
  });
  it('reads who receives a force the sender names first as the one acted on', () => {
    expect(roles('France flew two Foreign Legion companies to reinforce Chad.', 'flew', 'MOBILIZE')).toMatchObject({ actors: ['FRA'], targets: ['TCD'] });
    expect(roles('Britain dispatched Royal Navy minesweepers to help Kuwait.', 'dispatched', 'MOBILIZE')).toEqual({ actors: ['GBR'], targets: ['KWT'] });
  });
});

describe('findActorMentions: seas and gulfs named after a country', () => {
  it('reads no actor in the Gulf of Oman, the Gulf of Guinea or the Sea of Azov', () => {
    expect(codes('Warships of the two navies exercised in the Gulf of Oman and the Arabian Sea.')).toEqual([]);
    expect(codes('Pirates boarded a tanker in the Gulf of Guinea off Nigeria.')).toEqual(['NGA']);
    expect(codes('Ukraine struck a landing ship in the Sea of Azov.')).toEqual(['UKR']);
  });
});

describe('findActorMentions: regions and towns in the news of conflicts', () => {
  it('reads provinces, regions and towns inside a country as that country', () => {
    expect(codes('A military jet bombed a crowded market in Sagaing on Tuesday.')).toEqual(['MMR']);
    expect(codes('Gunmen on motorbikes raided three villages near Tillaberi.')).toEqual(['NER']);
    expect(codes('Border guards exchanged fire near Batken and Jalal-Abad overnight.')).toEqual(['KGZ', 'KGZ']);
    expect(codes('Insurgents stormed an army post outside Djibo, while drones struck a convoy near Menaka.')).toEqual(['BFA', 'MLI']);
    expect(codes('The paramilitaries shelled El Obeid and Kadugli after a week of fighting in Gezira.')).toEqual(['SDN', 'SDN', 'SDN']);
    expect(codes('Aid reached Mekelle and Bahir Dar, and a second convoy left for Galkayo.')).toEqual(['ETH', 'ETH', 'SOM']);
    expect(codes("Militants ambushed a patrol in Bajaur as protests spread through Cox's Bazar.")).toEqual(['PAK', 'BGD']);
  });
  it('reads a longer name over the country it starts with', () => {
    expect(codes('Herders clashed with farmers in Niger State and Plateau State.')).toEqual(['NGA', 'NGA']);
    expect(codes('Strong winds battered Santiago de Cuba.')).toEqual(['CUB']);
  });
});

describe('findActorMentions: congresses that are not the US Congress', () => {
  it('reads a party or union congress as no US actor, and Congress alone or the US Congress as the USA', () => {
    expect(codes('The Ghana Trades Union Congress called a general strike.')).toEqual(['GHA']);
    expect(codes('The opposition All Progressives Congress rejected the result.')).toEqual([]);
    expect(codes('The National People\'s Congress approved the security law.')).toEqual(['CHN']);
    expect(codes('Congress approved the aid package on Thursday.')).toEqual(['USA']);
  });
});

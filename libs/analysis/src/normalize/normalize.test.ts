import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeReport, splitSentences } from './index.ts';

function texts(s: ReturnType<typeof splitSentences>): string[] {
  return s.map((x) => x.text);
}

describe('normalizeReport', () => {
  it('joins headline, summary and body with blank lines and keeps sentence offsets exact', () => {
    const n = normalizeReport({
      headline: 'Drones hit  fuel depot\nnear Odesa',
      summary: 'Officials said the fire was contained.',
      body: 'ODESA, Ukraine (AP) \u2014 Russian drones struck a fuel depot overnight, officials said.\n\nNo one was hurt.',
    });
    expect(n.text).toBe(
      'Drones hit fuel depot near Odesa\n\nOfficials said the fire was contained.\n\nRussian drones struck a fuel depot overnight, officials said.\n\nNo one was hurt.',
    );
    expect(texts(n.sentences)).toEqual([
      'Drones hit fuel depot near Odesa',
      'Officials said the fire was contained.',
      'Russian drones struck a fuel depot overnight, officials said.',
      'No one was hurt.',
    ]);
    for (const s of n.sentences) expect(n.text.slice(s.start, s.end)).toBe(s.text);
    expect(n.language).toBe('en');
    expect(n.isEnglish).toBe(true);
  });

  it('applies NFKC and maps curly quotes, dashes and invisible characters', () => {
    const n = normalizeReport({ headline: '\uFB01ghting \u201Cintensi\u00ADfies\u201D \u2015 it\u2019s the 2nd\u00A0week', body: '' });
    expect(n.text).toBe('fighting "intensifies" \u2014 it\'s the 2nd week');
  });

  it.each([
    ['KYIV (Reuters) - Russia launched missiles.', 'Russia launched missiles.'],
    ['SEOUL, Oct 21 (AP) \u2014 North Korea fired a missile.', 'North Korea fired a missile.'],
    ['KYIV, Ukraine \u2014 Air raid sirens sounded.', 'Air raid sirens sounded.'],
    ['WASHINGTON, Oct. 21, 2024 -- The Pentagon said.', 'The Pentagon said.'],
    ['By Jane Doe and John Roe KYIV (Reuters) - Shelling resumed.', 'Shelling resumed.'],
    ['NATO said on Monday it would respond.', 'NATO said on Monday it would respond.'],
  ])('strips the dateline from %j', (body, expected) => {
    expect(normalizeReport({ headline: 'H', body }).text).toBe(`H\n\n${expected}`);
  });

  it('drops bylines and web boilerplate paragraphs', () => {
    const body = [
      'By Jane Doe',
      'Troops moved toward the border on Monday.',
      'Read More: Why the border matters',
      'Click here to get our newsletter.',
      'Sign up for breaking news alerts',
      'The Associated Press contributed to this report.',
      'Reporting by John Roe; Editing by Ann Poe',
      'The buildup continued on Tuesday. Read More',
    ].join('\n\n');
    expect(normalizeReport({ headline: 'H', body }).text).toBe(
      'H\n\nTroops moved toward the border on Monday.\n\nThe buildup continued on Tuesday.',
    );
  });

  it('re-joins hard-wrapped lines but keeps line-per-paragraph text apart', () => {
    const body = 'Troops moved toward\nthe border on Monday.\nThe buildup continued.';
    expect(normalizeReport({ headline: 'H', body }).text).toBe(
      'H\n\nTroops moved toward the border on Monday.\n\nThe buildup continued.',
    );
  });

  it('flags non-English text and trusts a declared language only when the text is inconclusive', () => {
    expect(normalizeReport({ headline: 'Росія атакувала Київ ракетами', body: 'Повітряна тривога тривала всю ніч.' }).language).toBe('uk');
    const fr = normalizeReport({ headline: 'La Russie frappe Kiev', body: 'Les frappes ont visé les infrastructures de la ville, selon le maire.' });
    expect(fr).toMatchObject({ language: 'fr', isEnglish: false });
    expect(normalizeReport({ headline: 'Kyiv', body: '', language: 'de' })).toMatchObject({ language: 'de', isEnglish: false });
    expect(normalizeReport({ headline: 'Russia strikes Kyiv', body: 'The attack was the largest this month.', language: 'fr' }).isEnglish).toBe(true);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Россия заявила, что её войска заняли ещё одно село.', 'ru'],
    ['Україна отримала нові системи ППО від партнерів.', 'uk'],
    ['قالت وزارة الدفاع إن الهجوم استهدف مواقع عسكرية', 'ar'],
    ['俄罗斯军队周一向乌克兰东部发动了新的进攻。', 'zh'],
    ['北朝鮮がロシアに兵士を派遣したと韓国の情報機関が発表した。', 'ja'],
    ['북한이 러시아에 병력을 파견했다고 국가정보원이 밝혔다.', 'ko'],
    ['Die Bundeswehr hat nach Angaben des Ministeriums die Übung mit den Partnern beendet.', 'de'],
    ['El gobierno dijo que los ataques contra la ciudad continuaron durante la noche.', 'es'],
    ['Le gouvernement a annoncé que les troupes sont arrivées dans la région.', 'fr'],
    ['The ministry said the troops had arrived in the region on Monday.', 'en'],
    // Romance languages share their articles: each is told by its own words.
    ['Le truppe hanno attaccato la città di notte, secondo il governatore della regione.', 'it'],
    ['Las tropas atacaron la ciudad de noche y mataron a cuatro civiles, según el gobernador.', 'es'],
    ['As tropas atacaram a cidade de noite, matando quatro civis, segundo o governador.', 'pt'],
  ])('detects %j as %s', (text, lang) => {
    expect(detectLanguage(text).language).toBe(lang);
  });
});

describe('splitSentences', () => {
  it('survives abbreviations, initials, decimals and reference numbers', () => {
    const text = 'Gen. Smith and Lt. Col. Doe met Mr. Kim on Oct. 21 at No. 10 Downing St. in London. The U.S. Army sent 3.5 tons of aid. John F. Kennedy was mentioned.';
    expect(texts(splitSentences(text))).toEqual([
      'Gen. Smith and Lt. Col. Doe met Mr. Kim on Oct. 21 at No. 10 Downing St. in London.',
      'The U.S. Army sent 3.5 tons of aid.',
      'John F. Kennedy was mentioned.',
    ]);
  });

  it('ends a sentence after an acronym when a sentence opener follows', () => {
    expect(texts(splitSentences('The aid came from the U.S. The talks resume Monday.'))).toEqual([
      'The aid came from the U.S.',
      'The talks resume Monday.',
    ]);
  });

  it('splits run-on sentences with no space after the period', () => {
    expect(texts(splitSentences('About 1,500 soldiers left in the first phase.On Monday, Seoul protested.'))).toEqual([
      'About 1,500 soldiers left in the first phase.',
      'On Monday, Seoul protested.',
    ]);
    expect(texts(splitSentences('See reuters.com for details.'))).toEqual(['See reuters.com for details.']);
  });

  it('keeps quotations together and splits after closing quotes', () => {
    expect(texts(splitSentences('"Are we safe?" she asked. "We will respond." He left...Then silence.'))).toEqual([
      '"Are we safe?" she asked.',
      '"We will respond."',
      'He left...Then silence.',
    ]);
  });

  it('adds the offset to start and end', () => {
    const s = splitSentences('One. Two.', 100);
    expect(s).toEqual([
      { text: 'One.', start: 100, end: 104 },
      { text: 'Two.', start: 105, end: 109 },
    ]);
  });

  it('splits CJK text on ideographic full stops', () => {
    expect(texts(splitSentences('俄军发动进攻。乌军进行了反击。'))).toEqual(['俄军发动进攻。', '乌军进行了反击。']);
  });
});

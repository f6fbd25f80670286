/**
 * A deterministic generator of wire-like reports (2–4 KB) for benchmarking the analysis engine:
 * event sentences of every kind, background and quotes, plus sports and market stories that borrow
 * the vocabulary of war. Written for the benchmark; not real news.
 */
import type { ReportInput } from '@wirewatch/analysis';
import { rng } from '../../tests/helpers/rng.ts';

const COUNTRIES = ['Russia', 'Ukraine', 'North Korea', 'South Korea', 'Israel', 'Iran', 'India', 'Pakistan', 'Poland', 'Belarus', 'Turkey', 'Syria', 'Sudan', 'Armenia', 'Azerbaijan', 'China', 'Japan', 'Germany', 'France', 'Egypt'];
const DEMONYMS = ['Russian', 'Ukrainian', 'North Korean', 'South Korean', 'Israeli', 'Iranian', 'Indian', 'Pakistani', 'Polish', 'Belarusian', 'Turkish', 'Syrian', 'Sudanese', 'Armenian', 'Azerbaijani', 'Chinese', 'Japanese', 'German', 'French', 'Egyptian'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

type Pick = <T>(xs: readonly T[]) => T;

const EVENT_SENTENCES: ((p: Pick, n: () => string) => string)[] = [
  (p, n) => `${p(COUNTRIES)} deployed ${n()} troops to its border with ${p(COUNTRIES)} on ${p(DAYS)}, the defence ministry said.`,
  (p, n) => `Intelligence officials said ${p(COUNTRIES)} is preparing to send about ${n()} soldiers to ${p(COUNTRIES)}.`,
  (p) => `The ${p(DEMONYMS)} foreign ministry summoned the ${p(DEMONYMS)} ambassador to protest the decision.`,
  (p) => `${p(COUNTRIES)} threatened to cut off gas supplies unless ${p(COUNTRIES)} withdrew its forces.`,
  (p, n) => `Artillery shelled the outskirts of the city overnight, killing ${n()} civilians, local officials said.`,
  (p) => `${p(COUNTRIES)} accused ${p(COUNTRIES)} of violating the ceasefire along the contact line.`,
  (p) => `The European Union imposed new sanctions on ${p(DEMONYMS)} banks and shipping companies.`,
  (p) => `Thousands of protesters staged demonstrations in the capital against the government of ${p(COUNTRIES)}.`,
  (p) => `Police arrested dozens of opposition activists in ${p(COUNTRIES)} after the rally.`,
  (p) => `${p(COUNTRIES)} and ${p(COUNTRIES)} agreed to resume talks on a new trade agreement next month.`,
  (p, n) => `${p(COUNTRIES)} will provide ${n()} tons of humanitarian aid to refugees in ${p(COUNTRIES)}.`,
  (p) => `The ${p(DEMONYMS)} government denied reports that it had sent troops across the border.`,
  (p) => `Officials could not independently confirm claims that ${p(DEMONYMS)} drones had struck a fuel depot.`,
  (p) => `${p(COUNTRIES)} rejected the proposal and demanded the immediate withdrawal of foreign forces.`,
];

const FILLER: ((p: Pick) => string)[] = [
  (p) => `The statement came after weeks of rising tension between the two neighbours, analysts in ${p(COUNTRIES)} said.`,
  () => 'The region has seen repeated flare-ups since the last agreement collapsed, and diplomats expect a long negotiation.',
  (p) => `"We will not accept any attempt to change the situation by force," a spokesman for the ${p(DEMONYMS)} government told reporters.`,
  () => 'Officials declined to give further details, citing the sensitivity of the matter and the need to consult partners.',
  () => 'Economists warned that the dispute could weigh on growth, with energy prices already higher than a year ago.',
  (p) => `The ${p(DEMONYMS)} prime minister is expected to address parliament later this week on the government's response.`,
  () => 'Satellite images published by a private company showed new construction near the border, according to the report.',
];

const NON_EVENTS: ((p: Pick, n: () => string) => string)[] = [
  (_p, n) => `The visitors attacked from the first whistle and the striker scored twice in front of ${n()} fans in the league match.`,
  () => 'Stocks crashed on Monday as the index plunged and investors fled to the safety of bonds.',
  () => 'An army of volunteers was mobilised to clean the beaches after the storm.',
];

export function generateReports(count: number, seed = 42): ReportInput[] {
  const random = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(random() * xs.length)]!;
  const number = () => String(Math.floor(100 + random() * 20000)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const reports: ReportInput[] = [];
  for (let i = 0; i < count; i++) {
    // One report in ten is a syndicated copy of an earlier one; one in eight is sport or markets.
    if (i > 0 && random() < 0.1) {
      const original = reports[Math.floor(random() * reports.length)]!;
      reports.push({ ...original, id: `r${i}`, source: `wire-${i % 7}`, source_id: `s${i}` });
      continue;
    }
    const nonEvent = random() < 0.125;
    const target = 2048 + Math.floor(random() * 2048);
    const paragraphs: string[] = [];
    let size = 0;
    while (size < target) {
      const r = random();
      const sentence = nonEvent
        ? r < 0.4 ? pick(NON_EVENTS)(pick, number) : pick(FILLER)(pick)
        : r < 0.45 ? pick(EVENT_SENTENCES)(pick, number) : pick(FILLER)(pick);
      paragraphs.push(sentence);
      size += sentence.length + 2;
    }
    reports.push({
      id: `r${i}`,
      source: `wire-${i % 7}`,
      source_id: `s${i}`,
      published_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      headline: paragraphs[0]!.slice(0, 90),
      body: paragraphs.join('\n\n'),
      language: 'en',
    });
  }
  return reports;
}

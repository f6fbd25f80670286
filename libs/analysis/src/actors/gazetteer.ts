/**
 * The actor gazetteer: the JSON files under data/actors compiled once into a token trie, so a
 * sentence is scanned in one pass with a longest-match lookup at each token (no per-name regex).
 */
import countriesFile from '../../data/actors/countries.json' with { type: 'json' };
import organisationsFile from '../../data/actors/organisations.json' with { type: 'json' };
import officeHoldersFile from '../../data/actors/office_holders.json' with { type: 'json' };
import notActorsFile from '../../data/actors/not_actors.json' with { type: 'json' };
import domesticGroupsFile from '../../data/actors/domestic_groups.json' with { type: 'json' };
import { phraseKeys } from './tokens.ts';

/** Every actor data file, for the ruleset version's digest: a change to any of them changes what is coded. */
export const ACTOR_DATA_FILES: readonly unknown[] = [countriesFile, organisationsFile, officeHoldersFile, notActorsFile, domesticGroupsFile];

export type MentionKind = 'country' | 'demonym' | 'capital' | 'metonym' | 'organisation' | 'office_holder';

export interface Term {
  code: string;
  office: string;
  valid_from: string;
  valid_to: string | null;
}

/** What a phrase resolves to: a code, an office-holder's terms, or nothing (a known non-actor). */
export type Entry =
  | { kind: Exclude<MentionKind, 'office_holder'>; code: string }
  | { kind: 'office_holder'; terms: Term[] }
  | { kind: 'not_actor' };

export interface TrieNode {
  children: Map<string, TrieNode>;
  entry: Entry | null;
}

export interface Gazetteer {
  root: TrieNode;
  /** Names ignored when written next to another capitalised word (Jordan Peterson). */
  personLike: Set<string>;
  /** Organisation codes and whether each is intergovernmental or non-governmental. */
  organisationTypes: Map<string, 'igo' | 'ngo'>;
  countryCodes: Set<string>;
}

interface CountryRecord {
  code: string;
  names: string[];
  demonyms: string[];
  capitals: string[];
  metonyms: string[];
  places: string[];
}
interface OrganisationRecord {
  code: string;
  type: string;
  names: string[];
}
interface OfficeHolderRecord {
  names: string[];
  terms: Term[];
}

/** Afghan -> Afghans, Israeli -> Israelis; French, Swiss, Chinese stay as they are. */
export function demonymPlural(demonym: string): string | null {
  if (/(ese|sh|ch|ss|s|x|z|men)$/.test(demonym)) return null;
  return `${demonym}s`;
}

function insert(root: TrieNode, phrase: string, entry: Entry): void {
  const keys = phraseKeys(phrase);
  if (keys.length === 0) return;
  let node = root;
  for (const key of keys) {
    let child = node.children.get(key);
    if (!child) {
      child = { children: new Map(), entry: null };
      node.children.set(key, child);
    }
    node = child;
  }
  // First writer wins: files are inserted from most to least specific (see buildGazetteer).
  if (!node.entry) node.entry = entry;
}

function buildGazetteer(): Gazetteer {
  const root: TrieNode = { children: new Map(), entry: null };
  const countries = countriesFile.countries as CountryRecord[];
  const organisations = organisationsFile.organisations as OrganisationRecord[];
  const holders = officeHoldersFile.office_holders as OfficeHolderRecord[];

  for (const phrase of notActorsFile.phrases) insert(root, phrase, { kind: 'not_actor' });
  for (const holder of holders) {
    for (const name of holder.names) insert(root, name, { kind: 'office_holder', terms: holder.terms });
  }
  for (const org of organisations) {
    for (const name of org.names) insert(root, name, { kind: 'organisation', code: org.code });
  }
  for (const c of countries) for (const name of c.names) insert(root, name, { kind: 'country', code: c.code });
  for (const c of countries) {
    for (const demonym of c.demonyms) {
      insert(root, demonym, { kind: 'demonym', code: c.code });
      const plural = demonymPlural(demonym);
      if (plural) insert(root, plural, { kind: 'demonym', code: c.code });
    }
  }
  for (const c of countries) for (const name of c.capitals) insert(root, name, { kind: 'capital', code: c.code });
  for (const c of countries) for (const name of c.metonyms) insert(root, name, { kind: 'metonym', code: c.code });
  for (const c of countries) for (const name of c.places) insert(root, name, { kind: 'capital', code: c.code });

  const organisationTypes = new Map<string, 'igo' | 'ngo'>();
  for (const org of organisations) {
    if (org.type === 'igo' || org.type === 'ngo') organisationTypes.set(org.code, org.type);
  }
  return {
    root,
    personLike: new Set(notActorsFile.person_like),
    organisationTypes,
    countryCodes: new Set(countries.map((c) => c.code)),
  };
}

let compiled: Gazetteer | null = null;

/** The compiled gazetteer, built on first use and shared after. */
export function gazetteer(): Gazetteer {
  compiled ??= buildGazetteer();
  return compiled;
}

import lexiconData from '../../data/events/lexicon.json' with { type: 'json' };
import { EVENT_TYPES, type EventType } from '../types.ts';
import { HASH_SEED, hashKey, HashBitmap, hashStep } from '../word-hash.ts';
import { anchorWords, patternSource, type Inflections } from './patterns.ts';

/** How a trigger treats the event words that follow it in its clause. */
export type Governs = 'intent' | 'claim' | 'frame';

export interface Trigger {
  index: number;
  type: EventType;
  mode: string | null;
  governs: Governs | null;
  /** Among triggers matching at one anchor, the highest priority wins, then the longest match. */
  priority: number;
  /** Sticky: tried only at an anchor's offset. */
  re: RegExp;
  unlessBefore: RegExp | null;
  requiresBefore: RegExp | null;
  unlessAfter: RegExp | null;
  /** The grammatical subject receives ("Ukraine received jets from Denmark"): actors and targets swap. */
  receiverSubject: boolean;
  /**
   * The trigger is what a verb of saying before it reports ("Amnesty said the army had committed war crimes",
   * "Russia said Sudan must return …"): that verb's subject acts, the trigger's own subject is acted on.
   */
  reportedSubject: boolean;
}

export interface ModeRule {
  mode: string;
  re: RegExp;
}

export interface AnchorWord {
  word: string;
  triggers: Trigger[];
}

/** The word-hash step (word-hash.ts) over a character code, lower-casing ASCII capitals (anchor words are lower-case). */
export function foldedHashStep(hash: number, code: number): number {
  return hashStep(hash, code >= 65 && code <= 90 ? code + 32 : code);
}

/** The map key of a lower-cased word (see `hashKey`). */
export function wordHash(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = foldedHashStep(h, word.charCodeAt(i));
  return hashKey(h);
}

export interface NonEventContext {
  id: string;
  re: RegExp;
  blocks: Set<EventType>;
  /** Found in the headline, it speaks for the whole report ("Bus crash kills 43": its body's deaths are the crash's). */
  headlineSetsReport: boolean;
  /**
   * The types such a headline rules out in the body: the sentence-level `blocks` for accidents and disasters; for
   * sport, markets and figures of speech (`headline_blocks`), every type a match report or a market wrap borrows.
   */
  headlineBlocks: Set<EventType>;
  /**
   * What makes the sentence an event after all: military vocabulary, or, for accidents and disasters (the contexts
   * that speak for a report), signs of a hostile act only ("Military plane crash kills 20" is a crash).
   */
  overruledBy: RegExp;
}

export interface CompiledLexicon {
  version: string;
  /** Triggers by the lower-cased first word of their anchor; the sticky pattern checks the rest. */
  byFirstWord: Map<string, Trigger[]>;
  /**
   * The same words by a hash of their characters (see `wordHash`, `hashKey`), so that a sentence's words are
   * looked up straight from its character codes, without cutting or lower-casing a string per word.
   */
  anchorsByHash: Map<number, AnchorWord[]>;
  /** The same hashes as a bitmap: rules out most words before the Map lookup. */
  anchorBits: HashBitmap;
  /** Event types some non-event context can block: the contexts are only tested when one is present. */
  blockableTypes: Set<EventType>;
  intentMarkers: RegExp;
  /** "may halt", "could impose": possibility, a threat when tied to a condition. */
  modalMarkers: RegExp;
  /** "unless", "if": an intent with a condition attached is a threat. */
  condition: RegExp;
  reclassify: { type: EventType; re: RegExp; to: EventType; mode: string | null }[];
  toAgree: Set<EventType>;
  toThreaten: Set<EventType>;
  threatenModes: ModeRule[];
  modeRules: Map<EventType, ModeRule[]>;
  nonEventContexts: NonEventContext[];
  /** Signs of a hostile act: what overrules an accident or a disaster. */
  hostileContext: RegExp;
}

interface RawTrigger {
  type: string;
  mode?: string;
  pattern: string;
  governs?: string;
  priority?: number;
  unless_before?: string;
  requires_before?: string;
  unless_after?: string;
  /** "sensitive": the context checks tell capitals apart ("[A-Z][a-z]+" is a name); by default they ignore case. */
  context_case?: 'sensitive';
  /** "sensitive": the pattern itself tells capitals apart ("struck Kharkiv" against "struck a deal"). */
  case?: 'sensitive';
  /** "receiver": the subject is the one acted on, the "from" object the one acting ("received … from"). */
  subject?: 'receiver' | 'reported';
}

interface RawLexicon {
  version: string;
  inflections: Inflections;
  triggers: RawTrigger[];
  intent: { markers: string; modal: string; condition: string; to_agree: string[]; to_threaten: string[] };
  reclassify: { type: string; pattern: string; to: string; mode?: string }[];
  threaten_modes: { mode: string; pattern: string }[];
  mode_rules: Record<string, { mode: string; pattern: string }[]>;
  non_event_contexts: {
    id: string;
    pattern: string;
    blocks: string[];
    headline_sets_report?: boolean;
    headline_blocks?: string[];
    /** What else makes such a sentence an event after all, beside military vocabulary (a crowd demanding something). */
    also_overruled_by?: string;
  }[];
  hostile_context: string;
  military_context: string;
}

function eventType(name: string, where: string): EventType {
  if (!(EVENT_TYPES as readonly string[]).includes(name)) throw new Error(`event lexicon: unknown event type ${name} in ${where}`);
  return name as EventType;
}

function governs(value: string | undefined): Governs | null {
  if (value === undefined) return null;
  if (value === 'intent' || value === 'claim' || value === 'frame') return value;
  throw new Error(`event lexicon: unknown governs "${value}"`);
}

function subject(value: string | undefined, where: string): void {
  if (value !== undefined && value !== 'receiver' && value !== 'reported') throw new Error(`event lexicon: unknown subject "${value}" in ${where}`);
}

const optional = (source: string | undefined, flags = 'i'): RegExp | null => (source ? new RegExp(source, flags) : null);

export function compileLexicon(raw: RawLexicon): CompiledLexicon {
  const byFirstWord = new Map<string, Trigger[]>();
  raw.triggers.forEach((t, index) => {
    subject(t.subject, t.pattern);
    const contextFlags = t.context_case === 'sensitive' ? '' : 'i';
    const trigger: Trigger = {
      index,
      type: eventType(t.type, t.pattern),
      mode: t.mode ?? null,
      governs: governs(t.governs),
      priority: t.priority ?? 0,
      re: new RegExp(patternSource(t.pattern, raw.inflections), t.case === 'sensitive' ? 'y' : 'iy'),
      unlessBefore: optional(t.unless_before, contextFlags),
      requiresBefore: optional(t.requires_before, contextFlags),
      unlessAfter: optional(t.unless_after, contextFlags),
      receiverSubject: t.subject === 'receiver',
      reportedSubject: t.subject === 'reported',
    };
    const firstWords = new Set(anchorWords(t.pattern, raw.inflections).map((w) => w.split(' ')[0] ?? w));
    for (const word of firstWords) {
      const list = byFirstWord.get(word) ?? [];
      list.push(trigger);
      byFirstWord.set(word, list);
    }
  });
  const anchorsByHash = new Map<number, AnchorWord[]>();
  const anchorBits = new HashBitmap();
  for (const [word, triggers] of byFirstWord) {
    const h = wordHash(word);
    anchorBits.add(h);
    const list = anchorsByHash.get(h) ?? [];
    list.push({ word, triggers });
    anchorsByHash.set(h, list);
  }
  const militaryContext = new RegExp(raw.military_context, 'i');
  const hostileContext = new RegExp(raw.hostile_context, 'i');
  const nonEventContexts = raw.non_event_contexts.map((c) => {
    const overrule = c.headline_sets_report === true ? hostileContext : militaryContext;
    return {
      id: c.id,
      re: new RegExp(c.pattern, 'i'),
      blocks: new Set(c.blocks.map((t) => eventType(t, `non_event_contexts.${c.id}`))),
      headlineSetsReport: c.headline_sets_report === true || c.headline_blocks !== undefined,
      headlineBlocks: new Set((c.headline_sets_report === true ? c.blocks : (c.headline_blocks ?? [])).map((t) => eventType(t, `non_event_contexts.${c.id}`))),
      overruledBy: c.also_overruled_by === undefined ? overrule : new RegExp(`${overrule.source}|${c.also_overruled_by}`, 'i'),
    };
  });
  const rules = (list: { mode: string; pattern: string }[]): ModeRule[] =>
    list.map((r) => ({ mode: r.mode, re: new RegExp(r.pattern, 'i') }));
  return {
    version: raw.version,
    byFirstWord,
    anchorsByHash,
    anchorBits,
    blockableTypes: new Set(nonEventContexts.flatMap((c) => [...c.blocks])),
    intentMarkers: new RegExp(raw.intent.markers, 'i'),
    modalMarkers: new RegExp(raw.intent.modal, 'i'),
    condition: new RegExp(raw.intent.condition, 'i'),
    reclassify: raw.reclassify.map((r) => ({
      type: eventType(r.type, 'reclassify'),
      re: new RegExp(r.pattern, 'i'),
      to: eventType(r.to, 'reclassify'),
      mode: r.mode ?? null,
    })),
    toAgree: new Set(raw.intent.to_agree.map((t) => eventType(t, 'intent.to_agree'))),
    toThreaten: new Set(raw.intent.to_threaten.map((t) => eventType(t, 'intent.to_threaten'))),
    threatenModes: rules(raw.threaten_modes),
    modeRules: new Map(Object.entries(raw.mode_rules).map(([type, list]) => [eventType(type, 'mode_rules'), rules(list)])),
    nonEventContexts,
    hostileContext,
  };
}

/** The lexicon shipped in data/events/lexicon.json, compiled once at module load. */
export const lexicon: CompiledLexicon = compileLexicon(lexiconData as RawLexicon);

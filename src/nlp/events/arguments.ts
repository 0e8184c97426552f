/**
 * Who takes part in an event and where, read off the words around its trigger without a parser:
 *   - a noun trigger's own phrase: its possessor ("his recent phone conversation", "Russia's
 *     invasion"), name modifiers ("the NATO summit") and prepositional phrases ("with CIA Director
 *     William Burns", "between Naryshkin and Burns", "of Ukraine", "by Yevgeny Prigozhin");
 *   - a verb's subject ("Burns had contacted") and object or prepositional phrase ("Naryshkin",
 *     "with President Putin", "to Kiev");
 *   - the subject of a light verb before a noun trigger ("Putin had a telephone conversation").
 * A place after "in", "at" or "to" is where it happened; a country named as possessor, modifier
 * or object takes part. An organisation that is only the affiliation of a person beside it ("CIA
 * Director William Burns") is not a participant of its own.
 */
import type { EntityType, Mention } from '../../model/findings.js';
import type { EventContext } from './context.js';
import { FUTURE, IRREALIS, LIGHT_VERBS, PARTICIPANT_PREPS, PLACE_PREPS, RECENT, TOPIC_PREPS } from './lexicon.js';
import { familyOf } from './ontology.js';
import type { Trigger } from './triggers.js';
import { lexicon } from '../entities/lexicon.js';
import { nameKey } from '../entities/normalise.js';
import { globalEntityId } from '../../link/entities.js';

export type Determiner = 'definite' | 'indefinite' | 'possessive' | 'bare';
export type Modality = 'actual' | 'planned' | 'unreal';

export interface EventMention {
  trigger: Trigger;
  /** Token range of the whole phrase: subject or possessor to the last argument. */
  from: number;
  to: number;
  /** Entity keys, in the order they are read. */
  participants: string[];
  /** Entity key of the place. */
  place: string | null;
  determiner: Determiner;
  modality: Modality;
  recent: boolean;
}

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
const INDEFINITE = new Set(['a', 'an', 'another']);
const RELATIVE = new Set(['who', 'which', 'that', 'where', 'when', 'whose', 'whom', 'while', 'as']);
const MODIFIER_TAGS = new Set(['ADJ', 'NOUN', 'NUM', 'PROPN']);
const INSIDE_PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
const CLAUSE_BREAK = new Set([',', ';', ':', 'that', 'but', 'because', 'while', 'and', '—', '–']);
/** Types whose object or "of" place is a target taking part ("invaded Ukraine"), not a venue. */
const TARGET_FAMILIES = new Set(['fight', 'assault', 'sanction', 'coerce', 'disapprove', 'threaten']);
const TRAVEL_TYPES = new Set(['visit']);
const MODALS = new Set(['will', 'would', 'could', 'might', 'may']);
const HAPPEN = new Set(['take', 'happen', 'occur', 'be', 'go', 'proceed', 'begin', 'start', 'resume', 'continue']);

export function readMention(ctx: EventContext, trigger: Trigger): EventMention {
  const sentence = ctx.a.sentences[trigger.sentence];
  const floor = sentence?.firstToken ?? 0;
  const ceiling = sentence?.lastToken ?? ctx.tokens.length;
  const m: EventMention = {
    trigger,
    from: trigger.from,
    to: trigger.to,
    participants: [],
    place: null,
    determiner: 'bare',
    modality: 'actual',
    recent: false,
  };
  const titled = new Set<string>();
  const add = (mention: Mention | null, asPlace: boolean, end: number): void => {
    if (!mention) return;
    if (mention.type !== 'person' && beforeName(ctx, end, ceiling)) titled.add(mention.entity);
    if (asPlace) m.place ??= mention.entity;
    else if (!m.participants.includes(mention.entity)) m.participants.push(mention.entity);
  };
  if (trigger.kind === 'noun') {
    readLeft(ctx, m, floor, add);
    const verb = m.from - 1;
    const light = ctx.token(verb);
    if (light && (light.pos === 'VERB' || light.pos === 'AUX') && LIGHT_VERBS.has(light.lemma) && verb >= floor) {
      const subject = findSubject(ctx, verb, floor);
      if (subject) {
        add(subject.mention, false, subject.end);
        m.from = Math.min(m.from, subject.from);
      }
    }
  } else if (ctx.norm(trigger.from - 1) !== 'to') {
    // A purpose infinitive ("traveled to Kiev to meet with") has its subject in the clause it serves.
    const subject = findSubject(ctx, trigger.from, floor);
    if (subject) {
      add(subject.mention, false, subject.end);
      m.from = subject.from;
    }
  }
  if (trigger.kind === 'verb') m.recent = RECENT.has(ctx.norm(trigger.from - 1)) || RECENT.has(ctx.norm(trigger.to));
  readRight(ctx, m, ceiling, add);
  pruneAffiliations(ctx, m, titled);
  m.modality = modality(ctx, m, floor);
  return m;
}

type Add = (mention: Mention | null, asPlace: boolean, end: number) => void;

/** The noun phrase before a noun trigger: modifiers, possessor, determiner. */
function readLeft(ctx: EventContext, m: EventMention, floor: number, add: Add): void {
  let i = m.trigger.from - 1;
  while (i >= floor) {
    const mention = ctx.mention(i);
    if (mention) {
      let start = i;
      while (start - 1 >= floor && ctx.mention(start - 1) === mention) start--;
      const possessive = mention.form === 'pronoun' || isPossessiveMark(ctx.norm(i + 1));
      if (mention.form === 'pronoun' && !POSSESSIVE_PRONOUNS.has(ctx.norm(start))) break;
      add(mention, mention.type === 'place' && !possessive && !isCountry(mention), i);
      m.from = start;
      if (possessive) {
        m.determiner = 'possessive';
        return;
      }
      i = start - 1;
      continue;
    }
    const t = ctx.token(i);
    if (!t) break;
    if (isPossessiveMark(t.norm)) {
      i--;
      continue;
    }
    // "short-lived", "two-day": a hyphenated modifier, whatever wink tagged its parts.
    const before = ctx.norm(i - 1);
    if ((before === '-' || before === '–') && i - 2 >= floor) {
      m.from = i - 2;
      i -= 3;
      continue;
    }
    if (MODIFIER_TAGS.has(t.pos) || (t.pos === 'ADV' && RECENT.has(t.norm))) {
      if (RECENT.has(t.norm)) m.recent = true;
      m.from = i;
      i--;
      continue;
    }
    if (t.pos === 'DET' || t.pos === 'PRON') {
      if (INDEFINITE.has(t.norm)) m.determiner = 'indefinite';
      else if (DEFINITE.has(t.norm)) m.determiner = 'definite';
      else if (POSSESSIVE_PRONOUNS.has(t.norm)) m.determiner = 'possessive';
      else break;
      m.from = i;
    }
    break;
  }
}

function isPossessiveMark(norm: string): boolean {
  return norm === "'s" || norm === '’s' || norm === "'" || norm === '’';
}

function isCountry(mention: Mention): boolean {
  const e = lexicon().byName.get(`place|${nameKey(mention.text)}`);
  return e !== undefined && lexicon().countries.has(e.name);
}

/** The nearest mention before `at` in its clause, over adverbs, auxiliaries and times. */
function findSubject(ctx: EventContext, at: number, floor: number): { mention: Mention; from: number; end: number } | null {
  for (let k = at - 1, steps = 0; k >= floor && steps < 10; k--, steps++) {
    const mention = ctx.mention(k);
    if (mention) {
      let start = k;
      while (start - 1 >= floor && ctx.mention(start - 1) === mention) start--;
      return { mention, from: start, end: k };
    }
    const t = ctx.token(k);
    if (!t) return null;
    if (t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART' || ctx.timeAt[k] !== -1) continue;
    return null;
  }
  return null;
}

/** Object and prepositional phrases after the trigger, up to a verb, a clause or a topic. */
function readRight(ctx: EventContext, m: EventMention, ceiling: number, add: Add): void {
  const { trigger } = m;
  const family = familyOf(trigger.type);
  let prep: string | null = trigger.kind === 'verb' ? 'object' : null;
  let lastPrep = prep;
  let apposition = false;
  const limit = Math.min(ceiling, trigger.to + 30);
  for (let j = trigger.to; j < limit; j++) {
    const mention = ctx.mention(j);
    if (mention) {
      let end = j;
      while (end + 1 < limit && ctx.mention(end + 1) === mention) end++;
      if (!apposition) {
        if (prep === null) break;
        if (mention.form === 'pronoun' && ctx.pos(j) === 'PRON' && RELATIVE.has(ctx.norm(j))) break;
        add(mention, isPlaceRole(mention, prep, trigger.type, family), end);
        m.to = end + 1;
      }
      j = end;
      continue;
    }
    const t = ctx.token(j);
    if (!t) break;
    const n = t.norm;
    if (ctx.timeAt[j] !== -1) continue;
    if (n === 'to' && ctx.pos(j + 1) === 'VERB') break;
    if (RELATIVE.has(n) && t.pos !== 'DET') break;
    if (PARTICIPANT_PREPS.has(n) || PLACE_PREPS.has(n)) {
      if (apposition) continue;
      prep = lastPrep = n;
      continue;
    }
    if (TOPIC_PREPS.has(n)) break;
    if (n === ',') {
      if (prep === null) break;
      // ", the leader of a Russian paramilitary group": an apposition describes, it does not add.
      const next = ctx.token(j + 1);
      apposition = !!next && next.norm !== 'and' && ctx.mention(j + 1) === null && (next.pos === 'DET' || next.pos === 'ADJ' || next.pos === 'NOUN');
      continue;
    }
    if (n === 'and' || n === '&') {
      apposition = false;
      prep = lastPrep;
      continue;
    }
    if (n === '(' || n === ')') continue;
    if (INSIDE_PHRASE.has(t.pos) || (t.pos === 'ADV' && trigger.kind === 'verb')) {
      if (RECENT.has(n)) m.recent = true;
      continue;
    }
    break;
  }
}

function isPlaceRole(mention: Mention, prep: string, type: string, family: string): boolean {
  if (mention.type !== 'place') return false;
  if (TARGET_FAMILIES.has(family)) return PLACE_PREPS.has(prep) && prep !== 'to' && prep !== 'into';
  if (PLACE_PREPS.has(prep)) return true;
  return prep === 'object' && TRAVEL_TYPES.has(type);
}

/**
 * "CIA Director William Burns", "President of the United States of America Joseph Biden": an
 * organisation or country that is a person's affiliation, or part of the title before the
 * person's name, is not a participant of its own.
 */
function pruneAffiliations(ctx: EventContext, m: EventMention, inTitle: ReadonlySet<string>): void {
  if (m.participants.length < 2) return;
  const people = m.participants.map((k) => ctx.entities.get(k)).filter((e) => e?.type === 'person');
  if (people.length === 0) return;
  m.participants = m.participants.filter((key) => {
    const e = ctx.entities.get(key);
    if (!e) return true;
    if (e.type !== 'person' && inTitle.has(key)) return false;
    const id = idOf(e.type, e.name);
    return !people.some((p) => p !== undefined && p !== e && p.affiliations.some((aff) => aff === e.name || idOf(e.type, aff) === id));
  });
}

const ids = new Map<string, string>();

/** Global id of a name, remembered: affiliations repeat across a document and a corpus. */
function idOf(type: EntityType, name: string): string {
  const key = `${type}|${name}`;
  let id = ids.get(key);
  if (id === undefined) {
    if (ids.size > 50_000) ids.clear();
    id = globalEntityId({ type, name });
    ids.set(key, id);
  }
  return id;
}

/** Tokens that may stand between an affiliation and the name in a title: "Director", "of the". */
const TITLE_GAP = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'ADP', 'PART', 'PUNCT']);

/** Whether the mention at `end` (its last token) is followed, within a title, by a person's name. */
function beforeName(ctx: EventContext, end: number, limit: number): boolean {
  for (let j = end + 1; j < Math.min(limit, end + 7); j++) {
    const next = ctx.mention(j);
    if (next) return next.type === 'person' && next.form === 'name';
    const t = ctx.token(j);
    if (!t || !TITLE_GAP.has(t.pos) || t.norm === ',' || t.norm === '(' || t.norm === 'and') return false;
  }
  return false;
}

/** "a willingness to meet", "if Russia invades", "negotiations would take place": not (yet) real. */
function modality(ctx: EventContext, m: EventMention, floor: number): Modality {
  let result: Modality = 'actual';
  for (let k = m.from - 1, steps = 0; k >= floor && steps < 8; k--, steps++) {
    const n = ctx.norm(k);
    if (CLAUSE_BREAK.has(n)) break;
    if (IRREALIS.has(n)) return 'unreal';
    if (FUTURE.has(n)) result = 'planned';
  }
  // Between a verb trigger's subject and the verb: "Burns did not meet".
  for (let k = m.trigger.from - 1; k >= m.from; k--) {
    const n = ctx.norm(k);
    if (n === 'not' || n === "n't" || n === 'never') return 'unreal';
    if (n === 'will' || n === "'ll") result = 'planned';
    if (n === 'would' || n === 'could' || n === 'might' || n === 'may') return 'unreal';
  }
  // "negotiations would take place", "the meeting may not happen": a modal on the event's own verb.
  if (m.trigger.kind === 'noun') {
    const n = ctx.norm(m.to);
    const verb = ctx.token(m.to + 1)?.lemma ?? '';
    if (MODALS.has(n) && HAPPEN.has(verb)) return n === 'will' || n === 'would' ? 'planned' : 'unreal';
    if (n === 'is' && ctx.norm(m.to + 1) === 'to') return 'planned';
  }
  return result;
}

/**
 * Trigger words: the nouns and verbs that name an event ("the call", "Burns had contacted", "spoke
 * with", "traveled to Kiev"), found by lemma and part of speech, with the senses that depend on the
 * next words decided here: "a call for his resignation" is an appeal, "called him a liar" is no
 * event, "spoke to reporters" is no talks.
 */
import type { EventContext } from './context.js';
import { ELECTION_CONTEXT, ELECTORAL, NOUN_TRIGGERS, PLURAL_ONLY, VERB_TRIGGERS } from './lexicon.js';
import type { EventType } from './ontology.js';

export interface Trigger {
  type: EventType;
  kind: 'noun' | 'verb';
  /** Token range of the trigger words ("phone conversation"): `[from, to)`. */
  from: number;
  to: number;
  /** The word that carries the sense (the noun, the verb). */
  head: number;
  sentence: number;
  plural: boolean;
}

const PHONE = new Set(['phone', 'telephone']);
const STRIKE_OF_WORKERS = new Set(['hunger', 'general', 'labor', 'labour', 'worker', 'workers', 'teachers', 'rail', 'union']);
const BE = new Set(['be', 'is', 'was', 'were', 'are', 'been', 'being']);
const OBJECT_SKIP = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'PUNCT', 'NUM', 'PART']);

/** Every lemma that can start a trigger: most tokens are none, and are passed over at once. */
const STARTS = new Set<string>([...NOUN_TRIGGERS.keys(), ...VERB_TRIGGERS.keys(), 'cease', 'conference', 'run', 'step']);

export function findTriggers(ctx: EventContext): Trigger[] {
  const found: Trigger[] = [];
  const { tokens } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const pos = t.pos;
    const verb = pos === 'VERB';
    if (!verb && pos !== 'NOUN' && pos !== 'PROPN') continue;
    // A proper noun inside a name ("Federal Security Council") is never a trigger.
    if (pos === 'PROPN' && (ctx.mentionAt[i] as number) >= 0) continue;
    const lemma = pos === 'PROPN' ? t.lemma.toLowerCase() : t.lemma;
    if (!STARTS.has(lemma)) continue;
    const hit = verb ? verbTrigger(ctx, i, lemma) : nounTrigger(ctx, i, lemma);
    if (hit) {
      found.push(hit);
      i = hit.to - 1;
    }
  }
  return found;
}

function make(ctx: EventContext, type: EventType, kind: 'noun' | 'verb', from: number, to: number, head: number): Trigger {
  const t = ctx.token(head);
  const plural = kind === 'noun' && !!t && t.norm !== t.lemma && t.norm.endsWith('s');
  return { type, kind, from, to, head, sentence: t?.sentence ?? -1, plural };
}

function nounTrigger(ctx: EventContext, i: number, lemma: string): Trigger | null {
  const t = ctx.token(i);
  if (!t) return null;
  // "cease-fire" is three tokens.
  if (lemma === 'cease' && ctx.norm(i + 1) === '-' && ctx.norm(i + 2) === 'fire') return make(ctx, 'ceasefire', 'noun', i, i + 3, i);
  const type = NOUN_TRIGGERS.get(lemma) ?? (lemma === 'conference' ? conference(ctx, i) : undefined);
  if (!type) return null;
  if (ELECTORAL.has(lemma) && !aboutElection(ctx, i)) return null;
  const plural = t.norm !== lemma && t.norm.endsWith('s');
  if (PLURAL_ONLY.has(lemma) && !plural) return null;
  const next = ctx.norm(i + 1);
  const prev = ctx.norm(i - 1);
  switch (lemma) {
    case 'call':
      if (next === 'for' || next === 'on' || next === 'upon') return make(ctx, 'appeal', 'noun', i, i + 2, i);
      if (PHONE.has(prev)) return make(ctx, 'call', 'noun', i - 1, i + 1, i);
      // "a close call", "a wake-up call", "a roll call": no one was called.
      if (prev === 'close' || prev === 'judgment' || prev === 'roll' || prev === 'curtain' || (prev === 'up' && ctx.norm(i - 2) === '-')) return null;
      break;
    case 'conversation':
      if (PHONE.has(prev)) return make(ctx, 'call', 'noun', i - 1, i + 1, i);
      break;
    case 'conference':
      return type === 'statement' ? make(ctx, type, 'noun', i - 1, i + 1, i) : make(ctx, type, 'noun', i, i + 1, i);
    case 'strike':
      if (STRIKE_OF_WORKERS.has(prev)) return make(ctx, 'protest', 'noun', i - 1, i + 1, i);
      break;
    case 'suit':
      if (next !== 'against' && !['file', 'filed', 'bias', 'civil', 'federal', 'discrimination'].includes(prev)) return null;
      break;
    case 'march':
      if (t.text[0] !== 'm') return null;
      break;
    case 'deal':
      if (next === 'of') return null;
      break;
    case 'race':
      // "the race for majority leader" is an election; "race relations" is not.
      if (next !== 'for') return null;
      break;
    case 'charge':
      if (prev === 'in') return null;
      break;
  }
  return make(ctx, type, 'noun', i, i + 1, i);
}

/** "a press conference" is a statement; any other conference a gathering. */
function conference(ctx: EventContext, i: number): EventType {
  const prev = ctx.norm(i - 1);
  return prev === 'press' || prev === 'news' ? 'statement' : 'conference';
}

function aboutElection(ctx: EventContext, i: number): boolean {
  const sentence = ctx.sentence(i);
  if (!sentence) return false;
  for (let k = sentence.firstToken; k < sentence.lastToken; k++) if (ELECTION_CONTEXT.has(ctx.norm(k))) return true;
  return false;
}

function verbTrigger(ctx: EventContext, i: number, lemma: string): Trigger | null {
  const next = ctx.norm(i + 1);
  if (lemma === 'cease' && next === '-' && ctx.norm(i + 2) === 'fire') return make(ctx, 'ceasefire', 'noun', i, i + 3, i);
  if (lemma === 'run' && next === 'for') return make(ctx, 'candidacy', 'verb', i, i + 2, i);
  if (lemma === 'step' && next === 'down') return make(ctx, 'resignation', 'verb', i, i + 2, i);
  const type = VERB_TRIGGERS.get(lemma);
  if (!type) return null;
  if (ELECTORAL.has(lemma) && !aboutElection(ctx, i)) return null;
  switch (lemma) {
    case 'call':
      return callVerb(ctx, i);
    case 'speak':
    case 'talk':
      return speakVerb(ctx, i, lemma);
    case 'meet':
    case 'contact':
    case 'visit':
      return hasCounterpart(ctx, i, lemma === 'meet') ? make(ctx, type, 'verb', i, i + 1, i) : null;
    case 'travel':
    case 'fly':
      return next === 'to' && placeWithin(ctx, i + 2, 3) ? make(ctx, type, 'verb', i, i + 1, i) : null;
    case 'rule':
      return ['that', 'on', 'against', 'in'].includes(next) ? make(ctx, type, 'verb', i, i + 1, i) : null;
    case 'plead':
      return next === 'guilty' || next === 'not' || next === 'no' ? make(ctx, type, 'verb', i, i + 1, i) : null;
    case 'charge':
      return withinNext(ctx, i, 5, 'with') ? make(ctx, type, 'verb', i, i + 1, i) : null;
    case 'appeal':
      return next === 'to' || next === 'for' ? make(ctx, type, 'verb', i, i + 1, i) : null;
  }
  return make(ctx, type, 'verb', i, i + 1, i);
}

/** "Burns called Naryshkin", not "called him a liar", "called for", "so-called", "was called". */
function callVerb(ctx: EventContext, i: number): Trigger | null {
  const next = ctx.norm(i + 1);
  if (next === 'for' || next === 'on' || next === 'upon') return make(ctx, 'appeal', 'verb', i, i + 2, i);
  if (ctx.norm(i - 1) === '-' || BE.has(ctx.norm(i - 1))) return null;
  for (let j = i + 1; j < i + 9; j++) {
    const m = ctx.mention(j);
    if (m && m.type !== 'place') {
      let end = j;
      while (ctx.mention(end + 1) === m) end++;
      const after = ctx.token(end + 1);
      if (!after) return make(ctx, 'call', 'verb', i, i + 1, i);
      const pos = after.pos;
      // "called him a liar", "called Ryan's budget immoral": naming, not phoning.
      if (pos === 'DET' || pos === 'ADJ' || pos === 'NOUN' || /^["“‘']/.test(after.text) || /^['’]s?$/.test(after.norm)) return null;
      return make(ctx, 'call', 'verb', i, i + 1, i);
    }
    if (!OBJECT_SKIP.has(ctx.pos(j)) || ctx.norm(j) === '.') return null;
  }
  return null;
}

/** "spoke with", "spoke today by phone with", "talked to Putin"; not "spoke to reporters". */
function speakVerb(ctx: EventContext, i: number, lemma: string): Trigger | null {
  let type: EventType = 'talks';
  for (let j = i + 1; j < i + 6; j++) {
    const n = ctx.norm(j);
    if (n === 'by' && PHONE.has(ctx.norm(j + 1))) {
      type = 'call';
      j++;
      continue;
    }
    if (n === 'on' && ctx.norm(j + 1) === 'the' && PHONE.has(ctx.norm(j + 2))) {
      type = 'call';
      j += 2;
      continue;
    }
    if (n === 'with') return make(ctx, type, 'verb', i, i + 1, i);
    if (n === 'to') {
      const m = firstMention(ctx, j + 1, 5);
      return m && m.type === 'person' ? make(ctx, type, 'verb', i, i + 1, i) : null;
    }
    const pos = ctx.pos(j);
    if (pos !== 'ADV' && ctx.timeAt[j] === -1) break;
  }
  return lemma === 'speak' && type === 'call' ? make(ctx, type, 'verb', i, i + 1, i) : null;
}

/** A counterpart after the verb: "met with", "met Putin", "visited Kiev"; not "meet the deadline". */
function hasCounterpart(ctx: EventContext, i: number, allowWith: boolean): boolean {
  let j = i + 1;
  while (ctx.pos(j) === 'ADV' || ctx.timeAt[j] !== -1) j++;
  if (allowWith && ctx.norm(j) === 'with') return true;
  return firstMention(ctx, j, 4) !== null;
}

function firstMention(ctx: EventContext, from: number, span: number): ReturnType<EventContext['mention']> {
  for (let j = from; j < from + span; j++) {
    const m = ctx.mention(j);
    if (m) return m;
    const pos = ctx.pos(j);
    if (pos !== 'DET' && pos !== 'ADJ' && pos !== 'PROPN' && pos !== 'NOUN' && pos !== 'PUNCT') return null;
  }
  return null;
}

function placeWithin(ctx: EventContext, from: number, span: number): boolean {
  const m = firstMention(ctx, from, span);
  return m !== null && (m.type === 'place' || m.type === 'organization');
}

function withinNext(ctx: EventContext, i: number, span: number, word: string): boolean {
  for (let j = i + 1; j <= i + span; j++) if (ctx.norm(j) === word) return true;
  return false;
}

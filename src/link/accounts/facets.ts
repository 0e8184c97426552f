/**
 * Facts every account of an event may state about the event itself, whatever words it uses: that it
 * happened (and when), who initiated it, how long it lasted, and what it was mainly about. Claims
 * that state the same facet are one point across accounts even when they share no words ("Burns
 * called Naryshkin" / "the pretext ... on the part of the American colleague"), and different values
 * of one facet are a conflict.
 */
import type { Span, Token } from '../../model/document.js';
import type { DateValue } from '../../model/findings.js';
import type { HeldClaim } from './claims.js';
import type { EventInput } from './event-input.js';
import { conceptsOf, phraseConcepts } from './paraphrases.js';
import { ABSOLUTE_DATE } from './conflicts.js';
import { fold } from './terms.js';
import { EXCHANGE_WORDS } from './words.js';

export interface ClaimFacets {
  /** The claim says the event took place (names both sides, or "took place"). */
  occurrence: boolean;
  /** Dates the occurrence claim gives. */
  when: DateValue[];
  /** Who initiated it, as a side (`@united-states`) or a participant id. */
  initiator: string | null;
  /** How long it lasted, in minutes. */
  minutes: number | null;
  /** What it was for or mainly about. */
  purpose: 'stated' | 'pretext' | null;
  /** Where in the document the purpose is said ("to reassure", "centered around", "a pretext"), for quoting. */
  purposeAt: number | null;
}

const OCCURRED = /\b(?:took place|take place|taking place|happened|occurred|was held|were held|had an? (?:\w+ ){0,2}(?:conversation|call|talk|meeting|discussion))\b/i;
/** Verbs whose subject started the exchange: "Burns called Naryshkin". */
const INITIATING = new Set(['call', 'phone', 'ring', 'dial', 'contact', 'initiate', 'request', 'invite', 'reach', 'approach', 'seek']);
const INITIATOR_PHRASE = /\b(?:(?:at|on) the (?:initiative|request|invitation|behest) of|initiated by|requested by|on the part of)\s+((?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3})/i;
const POSSESSIVE_INITIATOR = /\b([\w.-]+(?:\s+[\w.-]+)?)['’]s (?:request|initiative|invitation)\b/i;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90 };
const DURATION = /\b(?:lasted|lasting|lasts|last|went on for|ran for|for)\s+(?:about|approximately|around|nearly|almost|roughly|some|over|more than|less than|under|just over|just under)?\s*(half an|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|\d+(?:\.\d+)?)\s+(hours?|minutes?)\b/i;
const DURATION_ADJECTIVE = /\b(half an|an?|one|two|three|four|five|\d+(?:\.\d+)?)[-\s](hour|minute)[-\s]long\b/i;
/** "how to address" is a topic, not a purpose. */
const QUESTION_WORDS = new Set(['how', 'what', 'whether', 'where', 'when', 'which', 'who', 'why']);
/** "The purpose of the call", "a significant portion of the conversation": just before the trigger. */
const PURPOSE_BEFORE = /\b(?:purpose|aim|goal|objective|intention|point|main (?:part|topic|subject|focus|theme|reason)|(?:significant|large|greater|major) (?:portion|part|share)|bulk|most|much)\s+of\s+(?:\w+[’']?s?\s+){0,3}$/i;
/** "the conversation (with Burns) centered around", "the call was mainly about": just after it. */
const PURPOSE_AFTER = /^(?:\s+[\w.’'-]+){0,6}?\s+((?:(?:was|were|is|has been|had been)\s+)?(?:mainly |mostly |largely |primarily |chiefly |predominantly )?(?:focused|focussed|centered|centred|concentrated|devoted|dedicated)\s+(?:(?:mainly|mostly|largely|primarily|chiefly|predominantly)\s+)?(?:on|around|upon|to)|(?:was|were|is)\s+(?:mainly|mostly|largely|primarily|chiefly|predominantly|all)\s+about)\b/i;
/** How far after "Burns called Naryshkin" a "to reassure ..." still says what the call was for. */
const PURPOSE_REACH = 20;
/**
 * A claim that something was only a pretext ("the mutiny was merely a pretext", "it was more of a
 * pretext"), which denies it was the real purpose. Naming the pretext ("the pretext for the call was
 * the events of June 24") denies nothing.
 */
export const PRETEXT = /\b(?:was|were|is|are|as|be|been)\s+(?:\w+\s+){0,2}?(?:an?\s+)?(?:pretext|pretence|pretense|excuse|smokescreen|cover story)\b/i;
/** Event types that are exchanges between parties, whose facets (who called, how long, what for) this reads. */
const EXCHANGES = new Set(['call', 'talks', 'meeting', 'summit', 'conference', 'visit']);
/** How close a date must be to the trigger to date the event ("spoke today", "on December 30, X had a call"). */
const DATE_REACH = 8;

const NONE: ClaimFacets = { occurrence: false, when: [], initiator: null, minutes: null, purpose: null, purposeAt: null };

/** Only exchanges (calls, talks, meetings, visits) have these facets; other events have none. */
export function claimFacets(held: HeldClaim, event: EventInput): ClaimFacets {
  if (!EXCHANGES.has(event.type)) return NONE;
  const tokens = held.unit.tokens;
  const text = held.claim.text;
  const a = held.analysis;
  const doc = event.documents.find((d) => d.analysis === a);
  const triggers = triggerTokens(tokens, doc?.triggers ?? []);
  const first = triggers[0];
  const participants = participantsIn(held, event);
  const occurrence = first !== undefined && (participants.size >= 2 || OCCURRED.test(text));
  return {
    occurrence,
    when: occurrence ? datesNear(held, triggers) : [],
    initiator: first ? initiatorOf(held, event, tokens) : null,
    minutes: first || /\blast(?:ed|ing|s)?\b/i.test(text) ? minutesOf(text) : null,
    ...purposeOf(held, tokens, triggers, doc?.triggers ?? []),
  };
}

/** The event's own trigger words in the claim (from the events stage), else call and meeting words. */
function triggerTokens(tokens: readonly Token[], eventTriggers: readonly Span[]): Token[] {
  const own = tokens.filter((t) => eventTriggers.some((s) => overlaps(s, t)));
  return own.length ? own : tokens.filter((t) => EXCHANGE_WORDS.has(t.lemma) || EXCHANGE_WORDS.has(t.norm));
}

/**
 * Written-out dates within a few words of a trigger: the event's own date, not another one the
 * sentence names, and not a relative one ("Tuesday") that depends on when it was said.
 */
function datesNear(held: HeldClaim, triggers: readonly Token[]): DateValue[] {
  const tokens = held.unit.tokens;
  const at = (offset: number): number => tokens.findIndex((t) => t.end > offset);
  return held.analysis.times
    .filter((t) => t.start >= held.claim.start && t.end <= held.claim.end && ABSOLUTE_DATE.test(t.text))
    .filter((t) => triggers.some((g) => Math.abs(at(t.start) - tokens.indexOf(g)) <= DATE_REACH))
    .map((t) => t.value);
}

function overlaps(x: Span, y: Span): boolean {
  return x.start < y.end && y.start < x.end;
}

/** Global ids of the event's participants mentioned in the claim (names, pronouns, descriptions). */
function participantsIn(held: HeldClaim, event: EventInput): Map<string, Span> {
  const ids = new Set(event.participants.map((p) => p.id));
  const out = new Map<string, Span>();
  for (const m of held.analysis.mentions) {
    if (m.start < held.claim.start || m.end > held.claim.end) continue;
    const ref = event.entities.of(held.claim.document, m.entity);
    if (ref && ids.has(ref.id) && !out.has(ref.id)) out.set(ref.id, m);
  }
  return out;
}

/** The side of a participant: its country, else itself. */
function sideOf(id: string, event: EventInput): string {
  const ref = event.entities.byId(id);
  for (const aff of ref?.affiliations ?? []) {
    const country = countryOf(aff);
    if (country) return country;
  }
  return id;
}

function countryOf(text: string): string | null {
  const words = fold(text).split(/[\s,'’]+/).filter(Boolean).map((w) => w.replace(/\.$/, ''));
  const found = [...phraseConcepts(words).map(([, , c]) => c), ...words.flatMap(conceptsOf)].find((c) => c.startsWith('@'));
  return found ?? null;
}

function initiatorOf(held: HeldClaim, event: EventInput, tokens: readonly Token[]): string | null {
  const participants = participantsIn(held, event);
  // "Burns (had) (reportedly) called Naryshkin": a participant right before an initiating verb.
  for (const [id, span] of participants) {
    const after = tokens.filter((t) => t.start >= span.end).slice(0, 4);
    for (const t of after) {
      if (INITIATING.has(t.lemma.toLowerCase()) && t.pos === 'VERB') return sideOf(id, event);
      if (!['AUX', 'ADV', 'PART'].includes(t.pos)) break;
    }
  }
  const phrase = INITIATOR_PHRASE.exec(held.claim.text) ?? POSSESSIVE_INITIATOR.exec(held.claim.text);
  const who = phrase?.[1];
  if (!phrase || !who) return null;
  const at = held.claim.start + phrase.index + phrase[0].length - who.length;
  const named = [...participants].find(([, s]) => s.start >= at && s.start < at + who.length);
  if (named) return sideOf(named[0], event);
  return countryOf(who);
}

function minutesOf(text: string): number | null {
  const m = DURATION.exec(text) ?? DURATION_ADJECTIVE.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const amount = m[1].toLowerCase();
  const n = amount.startsWith('half') ? 0.5 : (NUMBER_WORDS[amount] ?? Number(amount));
  if (!Number.isFinite(n)) return null;
  return m[2].toLowerCase().startsWith('hour') ? n * 60 : n;
}

/**
 * What the claim says the event was for: "the purpose of the call was ...", "the conversation
 * centered around ...", "the main part of the conversation was focused on ...", "Burns called
 * Naryshkin ... to assure ..." (a to-infinitive after the event's own verb), or that something was
 * "merely a pretext" in a sentence about the event.
 */
function purposeOf(
  held: HeldClaim,
  tokens: readonly Token[],
  triggers: readonly Token[],
  eventTriggers: readonly Span[],
): Pick<ClaimFacets, 'purpose' | 'purposeAt'> {
  const text = held.analysis.doc.text;
  const pretext = PRETEXT.exec(held.claim.text);
  if (pretext) {
    const sentence = new Set(tokens.map((t) => t.sentence));
    const inSentence = held.analysis.tokens.filter((t) => sentence.has(t.sentence));
    if (triggerTokens(inSentence, eventTriggers).length > 0) return { purpose: 'pretext', purposeAt: held.claim.start + pretext.index };
  }
  for (const g of triggers) {
    const k = tokens.indexOf(g);
    const from = (tokens[Math.max(0, k - 8)] as Token).start;
    const before = PURPOSE_BEFORE.exec(text.slice(from, g.start));
    if (before) return { purpose: 'stated', purposeAt: from + before.index };
    const after = PURPOSE_AFTER.exec(text.slice(g.end, (tokens[Math.min(tokens.length - 1, k + 10)] as Token).end));
    if (after?.[1]) return { purpose: 'stated', purposeAt: g.end + after.index + after[0].lastIndexOf(after[1]) };
    if (g.pos !== 'VERB') continue;
    for (let i = k + 2; i < Math.min(tokens.length - 1, k + PURPOSE_REACH); i++) {
      const t = tokens[i] as Token;
      if (t.text === ';') break;
      if (t.norm !== 'to' || QUESTION_WORDS.has((tokens[i - 1] as Token).norm)) continue;
      const next = tokens[i + 1] as Token;
      if (next.pos === 'VERB' && !/ing$/.test(next.norm)) return { purpose: 'stated', purposeAt: t.start };
    }
  }
  return { purpose: null, purposeAt: null };
}

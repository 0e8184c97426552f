/**
 * Which claim units are about the event. The rule:
 *   - a document that gives its own `source` (an official readout) and whose main event this is: every
 *     unit. A readout's every sentence is what that side says happened in the call, including
 *     condolences over an unrelated disaster;
 *   - otherwise (a news article): a unit that mentions the event (a trigger or coreferent mention from
 *     the events stage, or, for a call or meeting, a call/meeting word outside any other event's
 *     mention with a participant in its sentence); what a participant of the event is quoted saying
 *     in a paragraph that mentions the event ("Contrary to this, Naryshkin claimed that the mutiny was
 *     merely a pretext"); a unit that answers a kept one just before it ("The union disputed that
 *     figure"); and a unit that continues a kept one in the same paragraph with the same voice ("He
 *     emphasized that ..."). A unit that mentions only some other event is background
 *     ("Burns secretly traveled to Kiev last month"), and so is a unit about the accounts themselves
 *     ("Naryshkin's account of the call differs from ...": see signals.ts).
 */
import type { AnalysedDocument, Span, Token } from '../../model/document.js';
import type { EventDocument } from './event-input.js';
import { tokenIndexAt, type Unit } from './units.js';
import type { Voice } from './voices.js';
import { EXCHANGE_WORDS } from './words.js';
import { answersPrevious } from './cues.js';

/** Words that name some other kind of event, where the events stage found none in the document. */
const OTHER_EVENT_WORDS = new Set([
  'summit', 'visit', 'trip', 'travel', 'invasion', 'invade', 'mutiny', 'rebellion', 'coup', 'election',
  'attack', 'strike', 'war', 'ceasefire', 'sanction', 'sanctions',
]);
const DEFINITE = new Set(['the', 'this', 'that', 'his', 'her', 'their', 'its', "'s", '’s', 'our', 'my']);
/** A unit about an account, not about the event: "Naryshkin's account of the call differs ...". */
const ACCOUNT_NOUN = /\b(?:accounts?|descriptions?|versions?|statements?|comments|remarks|claims|characteri[sz]ations?|portrayals?|readouts?|interpretations?)\b/i;
const ABOUT_ACCOUNT = /(?:['’]s|\bconflicting|\bdiffering|\bcontradictory|\bcompeting|\brival|\bthe two|\bboth)\s+(?:\w+\s+)?(?:accounts?|descriptions?|versions?|statements?|comments|remarks|claims|characteri[sz]ations?|portrayals?|readouts?|interpretations?)\b/i;

export interface RelevanceContext {
  /** The event's type (events stage ontology: "call", "summit", ...). */
  type: string;
  /** Document-local keys and global ids of the event's participants. */
  keys: ReadonlySet<string>;
  ids: ReadonlySet<string>;
}

/** Event types (events stage ontology) whose mentions the call and meeting words stand for. */
const EXCHANGE_TYPES = new Set(['call', 'talks', 'meeting', 'conference']);

export function relevantUnits(doc: EventDocument, units: readonly Unit[], voices: readonly Voice[], event: RelevanceContext): boolean[] {
  const a = doc.analysis;
  if (a.doc.source && doc.main) return units.map(() => true);
  const lexical = EXCHANGE_TYPES.has(event.type) ? lexicalMentions(a, event.keys, doc.otherMentions, doc.mentions === null) : [];
  const mentions = [...(doc.mentions ?? []), ...lexical];
  const paragraphs = new Set(units.filter((u) => touches(u, mentions)).map((u) => u.paragraph));
  const out: boolean[] = [];
  units.forEach((unit, i) => {
    const voice = voices[i];
    let keep = false;
    if (isAboutAccounts(unit.text)) keep = false;
    else if (touches(unit, mentions)) keep = true;
    else if (voice?.speakerId && event.ids.has(voice.speakerId) && paragraphs.has(unit.paragraph)) keep = true;
    else if (answersPrevious(unit.text) && previousSentenceKept(units, out, i)) keep = true;
    else if (touches(unit, doc.otherMentions) || mentionsOtherLexically(unit, doc)) keep = false;
    else {
      const prev = units[i - 1];
      keep = prev !== undefined && out[i - 1] === true && prev.paragraph === unit.paragraph && voices[i - 1]?.speakerId === voice?.speakerId;
    }
    out.push(keep);
  });
  return out;
}

/** The last unit of the sentence before unit `i` was kept. */
function previousSentenceKept(units: readonly Unit[], kept: readonly boolean[], i: number): boolean {
  let back = i - 1;
  while (back >= 0 && units[back]?.sentence === units[i]?.sentence) back--;
  return back >= 0 && kept[back] === true;
}

export function isAboutAccounts(text: string): boolean {
  return ACCOUNT_NOUN.test(text) && ABOUT_ACCOUNT.test(text);
}

function touches(unit: Span, spans: readonly Span[]): boolean {
  return spans.some((s) => s.start < unit.end && unit.start < s.end);
}

function mentionsOtherLexically(unit: Unit, doc: EventDocument): boolean {
  return doc.mentions === null && unit.tokens.some((t) => OTHER_EVENT_WORDS.has(t.lemma) || OTHER_EVENT_WORDS.has(t.norm));
}

/**
 * Call and meeting words outside other events' mentions, with a participant in their sentence; where
 * the events stage found nothing in the document, also after a determiner ("the call").
 */
function lexicalMentions(a: AnalysedDocument, participantKeys: ReadonlySet<string>, others: readonly Span[], bare: boolean): Span[] {
  const withParticipant = new Set<number>();
  for (const m of a.mentions) {
    if (!participantKeys.has(m.entity)) continue;
    const t = a.tokens[tokenIndexAt(a.tokens, m.start)];
    if (t) withParticipant.add(t.sentence);
  }
  const out: Span[] = [];
  a.tokens.forEach((t: Token, i) => {
    if (!EXCHANGE_WORDS.has(t.lemma) && !EXCHANGE_WORDS.has(t.norm)) return;
    if (others.some((o) => o.start <= t.start && t.end <= o.end)) return;
    // "calling for aid" and "called on Russia to" are appeals, not calls.
    const next = a.tokens[i + 1];
    if (t.pos === 'VERB' && next && next.sentence === t.sentence && (next.norm === 'for' || next.norm === 'on')) return;
    if (withParticipant.has(t.sentence) || (bare && t.pos === 'NOUN' && determined(a.tokens, i))) out.push({ start: t.start, end: t.end });
  });
  return out;
}

/** "the call", "his recent phone conversation": a determiner before the noun, only modifiers between. */
function determined(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const t = tokens[j] as Token;
    if (t.sentence !== (tokens[i] as Token).sentence) return false;
    if (DEFINITE.has(t.norm)) return true;
    if (!['ADJ', 'NOUN', 'PROPN'].includes(t.pos)) return false;
  }
  return false;
}

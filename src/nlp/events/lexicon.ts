/**
 * Trigger words by lemma, as wink-nlp lemmatises them, and the type each one gives. Nouns and verbs
 * are kept apart: "a call" is a phone call, "called Obama a liar" is not. Senses that need their
 * neighbours ("call for", "spoke with", "in charge of") are decided in `triggers.ts`.
 */
import type { EventType } from './ontology.js';

export const NOUN_TRIGGERS: ReadonlyMap<string, EventType> = new Map<string, EventType>([
  ['call', 'call'],
  ['phonecall', 'call'],
  ['videoconference', 'call'],
  ['teleconference', 'call'],
  ['conversation', 'talks'],
  ['talk', 'talks'],
  ['negotiation', 'talks'],
  ['consultation', 'talks'],
  ['contact', 'talks'],
  ['meeting', 'meeting'],
  ['summit', 'summit'],
  ['convention', 'conference'],
  ['visit', 'visit'],
  ['trip', 'visit'],
  ['statement', 'statement'],
  ['remark', 'statement'],
  ['comment', 'statement'],
  ['readout', 'statement'],
  ['briefing', 'statement'],
  ['speech', 'speech'],
  ['interview', 'interview'],
  ['announcement', 'announcement'],
  ['appeal', 'appeal'],
  ['apology', 'apology'],
  ['endorsement', 'endorsement'],
  ['agreement', 'agreement'],
  ['deal', 'agreement'],
  ['accord', 'agreement'],
  ['treaty', 'agreement'],
  ['pact', 'agreement'],
  ['compromise', 'agreement'],
  ['criticism', 'criticism'],
  ['condemnation', 'criticism'],
  ['denunciation', 'criticism'],
  ['rebuke', 'criticism'],
  ['backlash', 'criticism'],
  ['accusation', 'accusation'],
  ['lawsuit', 'lawsuit'],
  ['suit', 'lawsuit'],
  ['rejection', 'rejection'],
  ['refusal', 'rejection'],
  ['denial', 'rejection'],
  ['veto', 'veto'],
  ['protest', 'protest'],
  ['demonstration', 'protest'],
  ['rally', 'protest'],
  ['march', 'protest'],
  ['investigation', 'investigation'],
  ['probe', 'investigation'],
  ['inquiry', 'investigation'],
  ['subpoena', 'investigation'],
  ['hearing', 'hearing'],
  ['testimony', 'hearing'],
  ['demand', 'demand'],
  ['ceasefire', 'ceasefire'],
  ['truce', 'ceasefire'],
  ['armistice', 'ceasefire'],
  ['sanction', 'sanction'],
  ['embargo', 'sanction'],
  ['arrest', 'arrest'],
  ['detention', 'arrest'],
  ['indictment', 'charge'],
  ['charge', 'charge'],
  ['attack', 'attack'],
  ['cyberattack', 'attack'],
  ['strike', 'attack'],
  ['airstrike', 'attack'],
  ['bombing', 'attack'],
  ['shooting', 'attack'],
  ['assault', 'attack'],
  ['killing', 'attack'],
  ['assassination', 'attack'],
  ['massacre', 'attack'],
  ['invasion', 'invasion'],
  ['offensive', 'fighting'],
  ['fighting', 'fighting'],
  ['shelling', 'fighting'],
  ['mutiny', 'mutiny'],
  ['rebellion', 'mutiny'],
  ['uprising', 'mutiny'],
  ['revolt', 'mutiny'],
  ['insurrection', 'mutiny'],
  ['coup', 'coup'],
  ['election', 'election'],
  ['win', 'election'],
  ['victory', 'election'],
  ['defeat', 'election'],
  ['upset', 'election'],
  ['reelection', 'election'],
  ['primary', 'election'],
  ['runoff', 'election'],
  ['race', 'election'],
  ['referendum', 'election'],
  ['caucus', 'election'],
  ['vote', 'vote'],
  ['debate', 'debate'],
  ['resignation', 'resignation'],
  ['appointment', 'appointment'],
  ['nomination', 'appointment'],
  ['candidacy', 'candidacy'],
  ['ruling', 'ruling'],
  ['verdict', 'ruling'],
  ['plea', 'plea'],
]);

export const VERB_TRIGGERS: ReadonlyMap<string, EventType> = new Map<string, EventType>([
  ['call', 'call'],
  ['phone', 'call'],
  ['telephone', 'call'],
  ['speak', 'talks'],
  ['talk', 'talks'],
  ['contact', 'talks'],
  ['confer', 'talks'],
  ['negotiate', 'talks'],
  ['meet', 'meeting'],
  ['visit', 'visit'],
  ['travel', 'visit'],
  ['fly', 'visit'],
  ['announce', 'announcement'],
  ['unveil', 'announcement'],
  ['urge', 'appeal'],
  ['appeal', 'appeal'],
  ['apologize', 'apology'],
  ['apologise', 'apology'],
  ['endorse', 'endorsement'],
  ['criticize', 'criticism'],
  ['criticise', 'criticism'],
  ['condemn', 'criticism'],
  ['denounce', 'criticism'],
  ['rebuke', 'criticism'],
  ['chide', 'criticism'],
  ['lambaste', 'criticism'],
  ['accuse', 'accusation'],
  ['sue', 'lawsuit'],
  ['reject', 'rejection'],
  ['refuse', 'rejection'],
  ['deny', 'rejection'],
  ['veto', 'veto'],
  ['block', 'rejection'],
  ['threaten', 'threat'],
  ['protest', 'protest'],
  ['rally', 'protest'],
  ['investigate', 'investigation'],
  ['probe', 'investigation'],
  ['subpoena', 'investigation'],
  ['testify', 'hearing'],
  ['demand', 'demand'],
  ['sanction', 'sanction'],
  ['arrest', 'arrest'],
  ['detain', 'arrest'],
  ['indict', 'charge'],
  ['charge', 'charge'],
  ['attack', 'attack'],
  ['bomb', 'attack'],
  ['shoot', 'attack'],
  ['kill', 'attack'],
  ['assassinate', 'attack'],
  ['invade', 'invasion'],
  ['rebel', 'mutiny'],
  ['elect', 'election'],
  ['defeat', 'election'],
  ['beat', 'election'],
  ['win', 'election'],
  ['vote', 'vote'],
  ['debate', 'debate'],
  ['resign', 'resignation'],
  ['quit', 'resignation'],
  ['appoint', 'appointment'],
  ['nominate', 'appointment'],
  ['rule', 'ruling'],
  ['plead', 'plea'],
]);

/**
 * Words that are an election only where the sentence is about one ("a stunning win", "Cantor was
 * beaten by a political novice"): victories and defeats are also won in courts and on battlefields.
 */
export const ELECTORAL = new Set(['win', 'victory', 'defeat', 'upset', 'beat']);
export const ELECTION_CONTEXT = new Set([
  'election', 'elections', 'primary', 'primaries', 'race', 'vote', 'votes', 'voters', 'ballot', 'seat', 'nomination',
  'caucus', 'caucuses', 'runoff', 'challenger', 'incumbent', 'candidate', 'campaign', 'novice', 'poll', 'polls',
  'reelection', 're-election', 'district', 'electoral',
]);

/** Nouns that are an event only in the plural: "talks", "remarks", "charges" (not "in charge of"). */
export const PLURAL_ONLY = new Set(['talk', 'remark', 'comment', 'charge', 'sanction', 'demand']);

/** Verbs whose counterpart comes after a preposition, not as a direct object. */
export const PREPOSITIONAL_VERBS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['speak', new Set(['with', 'to'])],
  ['talk', new Set(['with', 'to'])],
  ['confer', new Set(['with'])],
  ['negotiate', new Set(['with'])],
  ['travel', new Set(['to'])],
  ['fly', new Set(['to'])],
  ['appeal', new Set(['to', 'for'])],
  ['rule', new Set(['on', 'against', 'that', 'in'])],
  ['plead', new Set(['guilty', 'not'])],
  ['testify', new Set(['before', 'to', 'at', 'in', 'on', 'about', 'that'])],
]);

/**
 * Words in the clause before a trigger that make it unreal: a possible, hoped-for or denied event
 * ("a willingness to meet", "the possibility of a new phone call", "had not agreed to a meeting").
 */
export const IRREALIS = new Set([
  'would', 'could', 'might', 'may', 'should', 'possibility', 'possible', 'potential', 'willingness', 'willing',
  'ready', 'readiness', 'hope', 'hopes', 'if', 'whether', 'unless', 'not', "n't", 'never', 'no', 'any', 'without',
  'proposed', 'propose', 'proposal', 'offer', 'offered', 'invitation', 'invited', 'refused', 'declined',
]);

/** Words that make a trigger's event a planned one: kept, as a date may come with it. */
export const FUTURE = new Set(['will', 'planned', 'plans', 'plan', 'scheduled', 'upcoming', 'expected', 'next', 'forthcoming']);

/** "recent", "recently", "latest": the event happened shortly before the text was written. */
export const RECENT = new Set(['recent', 'recently', 'latest', 'just']);

/** Prepositions after a trigger that introduce a participant, a place, or its topic (which ends the scan). */
export const PARTICIPANT_PREPS = new Set(['with', 'between', 'by', 'of', 'against', 'among', 'for', 'from']);
export const PLACE_PREPS = new Set(['in', 'at', 'to', 'near', 'inside', 'into']);
export const TOPIC_PREPS = new Set(['on', 'about', 'over', 'regarding', 'concerning', 'amid', 'after', 'before', 'since', 'during', 'following', 'despite']);

/** Light verbs whose subject takes part in the nominal event: "Putin had a telephone conversation with". */
export const LIGHT_VERBS = new Set([
  'have', 'hold', 'make', 'conduct', 'host', 'attend', 'join', 'place', 'receive', 'lead', 'chair', 'launch',
  'stage', 'file', 'deliver', 'give', 'issue', 'win', 'lose', 'face', 'cast', 'impose', 'sign', 'reach', 'strike',
  'seal', 'carry', 'begin', 'start', 'end', 'offer', 'draw',
]);

// Forms for matching headlines, where wink's tags are unreliable ("Biden Calls Putin").
const IRREGULAR: Record<string, string[]> = {
  meet: ['met'],
  speak: ['spoke', 'spoken'],
  fly: ['flew', 'flown'],
  shoot: ['shot'],
  quit: ['quit'],
  strike: ['struck'],
  hold: ['held'],
  rebel: ['rebelled', 'rebels'],
  travel: ['travelled', 'travels', 'traveled', 'traveling', 'travelling'],
};

function verbForms(lemma: string): string[] {
  const forms = [lemma, ...(IRREGULAR[lemma] ?? [])];
  if (/[^aeiou]y$/.test(lemma)) forms.push(lemma.slice(0, -1) + 'ies', lemma.slice(0, -1) + 'ied', lemma + 'ing');
  else if (lemma.endsWith('e')) forms.push(lemma + 's', lemma + 'd', lemma.slice(0, -1) + 'ing');
  else if (/(?:s|x|z|ch|sh)$/.test(lemma)) forms.push(lemma + 'es', lemma + 'ed', lemma + 'ing');
  else forms.push(lemma + 's', lemma + 'ed', lemma + 'ing');
  return forms;
}

function nounForms(lemma: string): string[] {
  if (/[^aeiou]y$/.test(lemma)) return [lemma, lemma.slice(0, -1) + 'ies'];
  if (/(?:s|x|z|ch|sh)$/.test(lemma)) return [lemma, lemma + 'es'];
  return [lemma, lemma + 's'];
}

let headlineForms: Map<string, EventType> | null = null;

/**
 * Word forms of every trigger, lower-case, for headlines. Verbs first, nouns over them where both
 * exist ("visit", "vote"). Words too ambiguous without tags ("deal", "rule", "block", "march",
 * "primary") are left out.
 */
export function headlineTriggers(): ReadonlyMap<string, EventType> {
  if (headlineForms) return headlineForms;
  const out = new Map<string, EventType>();
  const skip = new Set(['deal', 'rule', 'block', 'march', 'primary', 'charge', 'quit', 'kill', 'contact', 'comment', 'talk', 'suit', 'demand']);
  for (const [lemma, type] of VERB_TRIGGERS) if (!skip.has(lemma)) for (const f of verbForms(lemma)) out.set(f, type);
  for (const [lemma, type] of NOUN_TRIGGERS) if (!skip.has(lemma)) for (const f of nounForms(lemma)) out.set(f, type);
  out.set('talks', 'talks');
  out.set('charges', 'charge');
  out.set('comments', 'statement');
  out.set('remarks', 'statement');
  headlineForms = out;
  return out;
}

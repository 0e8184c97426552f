/**
 * The event ontology (docs/events.md): a small set of types, each in a family that says which
 * types may be one event, mapped to CAMEO's top-level categories where one fits (null where CAMEO,
 * an inter-state event scheme, has none: elections, resignations, court rulings).
 */

export type EventFamily =
  | 'consult'
  | 'statement'
  | 'appeal'
  | 'cooperate'
  | 'disapprove'
  | 'reject'
  | 'threaten'
  | 'protest'
  | 'investigate'
  | 'demand'
  | 'yield'
  | 'sanction'
  | 'coerce'
  | 'assault'
  | 'fight'
  | 'unrest'
  | 'politics'
  | 'legal';

export interface EventTypeInfo {
  /** What a reader sees: "Phone call". */
  label: string;
  family: EventFamily;
  /** CAMEO top-level code ("04" Consult), or null when no root category fits. */
  cameo: string | null;
  /**
   * How much an event of this type can be the story a document is about: talk about talk
   * (statements, criticism) weighs less than what was done (a call, a vote, an invasion).
   */
  weight: number;
}

export const EVENT_TYPES = {
  call: { label: 'Phone call', family: 'consult', cameo: '04', weight: 1 },
  talks: { label: 'Talks', family: 'consult', cameo: '04', weight: 0.9 },
  meeting: { label: 'Meeting', family: 'consult', cameo: '04', weight: 1 },
  summit: { label: 'Summit', family: 'consult', cameo: '04', weight: 1 },
  conference: { label: 'Conference', family: 'consult', cameo: '04', weight: 0.9 },
  visit: { label: 'Visit', family: 'consult', cameo: '04', weight: 1 },
  statement: { label: 'Statement', family: 'statement', cameo: '01', weight: 0.6 },
  speech: { label: 'Speech', family: 'statement', cameo: '01', weight: 0.8 },
  interview: { label: 'Interview', family: 'statement', cameo: '01', weight: 0.7 },
  announcement: { label: 'Announcement', family: 'statement', cameo: '01', weight: 0.8 },
  appeal: { label: 'Appeal', family: 'appeal', cameo: '02', weight: 0.6 },
  apology: { label: 'Apology', family: 'cooperate', cameo: '05', weight: 0.8 },
  endorsement: { label: 'Endorsement', family: 'cooperate', cameo: '05', weight: 0.9 },
  agreement: { label: 'Agreement', family: 'cooperate', cameo: '05', weight: 0.9 },
  criticism: { label: 'Criticism', family: 'disapprove', cameo: '11', weight: 0.6 },
  accusation: { label: 'Accusation', family: 'disapprove', cameo: '11', weight: 0.6 },
  lawsuit: { label: 'Lawsuit', family: 'legal', cameo: '11', weight: 1 },
  rejection: { label: 'Rejection', family: 'reject', cameo: '12', weight: 0.6 },
  veto: { label: 'Veto', family: 'reject', cameo: '12', weight: 1 },
  threat: { label: 'Threat', family: 'threaten', cameo: '13', weight: 0.7 },
  protest: { label: 'Protest', family: 'protest', cameo: '14', weight: 1 },
  investigation: { label: 'Investigation', family: 'investigate', cameo: '09', weight: 0.9 },
  hearing: { label: 'Hearing', family: 'investigate', cameo: '09', weight: 1 },
  demand: { label: 'Demand', family: 'demand', cameo: '10', weight: 0.6 },
  ceasefire: { label: 'Ceasefire', family: 'yield', cameo: '08', weight: 1 },
  sanction: { label: 'Sanctions', family: 'sanction', cameo: '16', weight: 1 },
  arrest: { label: 'Arrest', family: 'coerce', cameo: '17', weight: 1 },
  charge: { label: 'Charges', family: 'coerce', cameo: '17', weight: 1 },
  attack: { label: 'Attack', family: 'assault', cameo: '18', weight: 1 },
  invasion: { label: 'Invasion', family: 'fight', cameo: '19', weight: 1 },
  fighting: { label: 'Fighting', family: 'fight', cameo: '19', weight: 1 },
  mutiny: { label: 'Mutiny', family: 'unrest', cameo: null, weight: 1 },
  coup: { label: 'Coup', family: 'unrest', cameo: null, weight: 1 },
  election: { label: 'Election', family: 'politics', cameo: null, weight: 1 },
  vote: { label: 'Vote', family: 'politics', cameo: null, weight: 1 },
  debate: { label: 'Debate', family: 'politics', cameo: null, weight: 1 },
  resignation: { label: 'Resignation', family: 'politics', cameo: null, weight: 1 },
  appointment: { label: 'Appointment', family: 'politics', cameo: null, weight: 1 },
  candidacy: { label: 'Candidacy', family: 'politics', cameo: null, weight: 1 },
  ruling: { label: 'Ruling', family: 'legal', cameo: null, weight: 1 },
  plea: { label: 'Guilty plea', family: 'legal', cameo: null, weight: 1 },
} as const satisfies Record<string, EventTypeInfo>;

export type EventType = keyof typeof EVENT_TYPES;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_TYPES, type);
}

export function typeInfo(type: string): EventTypeInfo {
  if (isEventType(type)) return EVENT_TYPES[type];
  return { label: type.charAt(0).toUpperCase() + type.slice(1), family: 'statement', cameo: null, weight: 0.5 };
}

export function familyOf(type: string): EventFamily {
  return typeInfo(type).family;
}

/**
 * Pairs of different types that can be one event: "the call" and "the conversation", "a visit to
 * Kiev to meet with Zelensky" and "the meeting". A phone call is never a meeting.
 */
const COMPATIBLE: ReadonlyArray<readonly [EventType, EventType]> = [
  ['call', 'talks'],
  ['meeting', 'talks'],
  ['meeting', 'summit'],
  ['conference', 'meeting'],
  ['conference', 'summit'],
  ['summit', 'talks'],
  ['visit', 'meeting'],
  ['visit', 'talks'],
  ['statement', 'speech'],
  ['statement', 'interview'],
  ['statement', 'announcement'],
  ['speech', 'announcement'],
  ['criticism', 'accusation'],
  ['rejection', 'veto'],
  ['investigation', 'hearing'],
  ['arrest', 'charge'],
  ['invasion', 'fighting'],
  ['election', 'vote'],
  ['mutiny', 'coup'],
];
const COMPATIBLE_KEYS = new Set(COMPATIBLE.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

export function compatibleTypes(a: string, b: string): boolean {
  return a === b || COMPATIBLE_KEYS.has(`${a}|${b}`);
}

/**
 * Of two compatible types, the one that says more: "call" over "talks", "summit" over "meeting".
 * The general type ("talks", "statement") yields to any specific one.
 */
const GENERAL = new Set<string>(['talks', 'statement', 'meeting', 'fighting', 'criticism', 'rejection', 'investigation']);

export function moreSpecific(a: string, b: string): string {
  if (a === b) return a;
  if (GENERAL.has(a) && !GENERAL.has(b)) return b;
  if (GENERAL.has(b) && !GENERAL.has(a)) return a;
  if (a === 'meeting' && b === 'talks') return a;
  if (b === 'meeting' && a === 'talks') return b;
  return a;
}

/**
 * Families whose events are often said about many things by one person within days ("Obama's
 * statement"): across documents they need a second shared participant or the same day to match.
 */
export const WEAK_FAMILIES: ReadonlySet<EventFamily> = new Set<EventFamily>([
  'statement',
  'appeal',
  'disapprove',
  'reject',
  'demand',
  'threaten',
]);

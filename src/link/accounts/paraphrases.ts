/**
 * A small paraphrase table for aligning two sides' wording of one point. Each group is one idea as
 * diplomatic and news prose words it; a word may sit in more than one group. Words are matched by
 * lemma, lower case; a `*` at the end matches any ending ("cyber*" = cyberattack, cybercrime ...).
 * Kept general on purpose: these are the ordinary synonyms of the domain, not the wording of any
 * particular pair of texts.
 */
export const PARAPHRASE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  cyber: ['cyber*', 'ransomware', 'hacking', 'hacker', 'malware', 'hack', 'information security', 'information space'],
  humanitarian: ['humanitarian', 'aid', 'assistance', 'relief'],
  cooperation: ['cooperation', 'cooperate', 'coordination', 'coordinate', 'collaboration', 'collaborate', 'joint', 'partnership', 'work together'],
  engagement: ['engagement', 'engage', 'contact', 'contacts', 'communication', 'channel', 'dialogue', 'dialog'],
  diplomacy: ['diplomacy', 'diplomatic', 'dialogue', 'dialog', 'negotiation', 'negotiations', 'negotiate', 'negotiating', 'talks', 'consultations', 'track'],
  continuation: ['continue', 'continued', 'continuation', 'continuing', 'ongoing', 'maintain', 'sustain', 'regular', 'permanent'],
  willingness: ['willing', 'willingness', 'ready', 'readiness', 'prepared', 'support', 'open'],
  urging: ['urge', 'demand', 'press', 'insist', 'call for'],
  deescalation: ['de-escalate', 'de-escalation', 'deescalate', 'deescalation', 'defuse', 'ease tensions', 'calm'],
  escalation: ['escalation', 'escalate', 'invade', 'invasion', 'incursion', 'aggression', 'offensive'],
  response: ['sanction', 'sanctions', 'respond', 'response', 'consequence', 'consequences', 'cost', 'costs', 'retaliate', 'retaliation', 'punish', 'countermeasure'],
  threat: ['threat', 'threaten', 'danger', 'dangerous', 'risk', 'challenge'],
  summit: ['summit', 'meeting', 'videoconference', 'video conference'],
  agreement: ['agreement', 'agree', 'accord', 'deal', 'consensus', 'understanding'],
  guarantee: ['guarantee', 'guarantees', 'assurance', 'assure', 'reassure', 'pledge', 'commitment', 'committed'],
  involvement: ['involve', 'involved', 'involvement', 'role', 'participate', 'participation', 'behind', 'complicity'],
  uprising: ['mutiny', 'rebellion', 'uprising', 'revolt', 'insurrection', 'coup', 'putsch'],
  condolence: ['condolence', 'condolences', 'sympathy', 'sympathies', 'mourn', 'grief'],
  weapon: ['weapon', 'weapons', 'missile', 'missiles', 'arms', 'armament'],
  stability: ['stability', 'stable', 'stabilize', 'stabilise'],
  discussion: ['discuss', 'discussion', 'address', 'review', 'exchange views', 'consider', 'dialogue', 'dialog', 'speak about', 'talk about', 'spoke about', 'talked about'],
  meeting: ['meet', 'meeting', 'in person', 'face-to-face', 'personal meeting'],
  attack: ['attack', 'attacks', 'cyberattack', 'strike', 'assault', 'incident'],
  criminal: ['criminal', 'criminals', 'crime', 'cybercrime', 'gang', 'gangs'],
  progress: ['progress', 'result', 'results', 'outcome', 'breakthrough'],
};

/** Country names and their demonyms, one concept each, so "Russian territory" meets "based in Russia". */
export const COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  'united-states': ['us', 'u.s', 'u.s.', 'usa', 'america', 'american', 'americans', 'washington', 'united states'],
  russia: ['russia', 'russian', 'russians', 'russian federation', 'moscow', 'kremlin'],
  ukraine: ['ukraine', 'ukrainian', 'ukrainians', 'kyiv', 'kiev'],
  china: ['china', 'chinese', 'beijing', 'prc'],
  syria: ['syria', 'syrian', 'damascus'],
};

interface Lookup {
  /** One-word entries, exact. */
  words: Map<string, string[]>;
  /** Prefix entries (`cyber*`). */
  prefixes: Array<[string, string]>;
  /** Multi-word entries, as word arrays, by their first word. */
  phrases: Map<string, Array<[string[], string]>>;
}

let lookup: Lookup | null = null;

function build(): Lookup {
  const l: Lookup = { words: new Map(), prefixes: [], phrases: new Map() };
  const add = (entry: string, concept: string): void => {
    if (entry.endsWith('*')) l.prefixes.push([entry.slice(0, -1), concept]);
    else if (entry.includes(' ')) {
      const words = entry.split(' ');
      const first = words[0] as string;
      l.phrases.set(first, [...(l.phrases.get(first) ?? []), [words, concept]]);
    }
    else l.words.set(entry, [...(l.words.get(entry) ?? []), concept]);
  };
  for (const [concept, entries] of Object.entries(PARAPHRASE_GROUPS)) for (const e of entries) add(e, `~${concept}`);
  for (const [country, entries] of Object.entries(COUNTRIES)) for (const e of entries) add(e, `@${country}`);
  return l;
}

/** Concepts of one word (lemma or lower-cased form). */
export function conceptsOf(word: string): string[] {
  lookup ??= build();
  const out = [...(lookup.words.get(word) ?? [])];
  for (const [prefix, concept] of lookup.prefixes) if (word.startsWith(prefix) && !out.includes(concept)) out.push(concept);
  return out;
}

/** Multi-word entries found in a sequence of lower-cased words: `[index of first word, length, concept]`. */
export function phraseConcepts(words: readonly string[]): Array<[number, number, string]> {
  lookup ??= build();
  const out: Array<[number, number, string]> = [];
  words.forEach((word, i) => {
    for (const [phrase, concept] of lookup?.phrases.get(word) ?? []) {
      if (phrase.every((w, k) => words[i + k] === w)) out.push([i, phrase.length, concept]);
    }
  });
  return out;
}

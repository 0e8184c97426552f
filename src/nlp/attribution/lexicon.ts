/**
 * The attribution lexicon in one place: cue words by class (a tagger feature), the stance each cue
 * lemma carries, and the words that negate a cue.
 *
 * Stance is the reporter's stance towards the content as the cue word signals it:
 * - neutral: the verb only reports (say, tell, state, add, note, write, mention, explain, emphasize,
 *   affirm, argue, assert) - the default for any cue not listed below;
 * - distancing: the verb puts the content at arm's length, the reporter does not vouch for it
 *   (claim, allege, insist, contend, purport, maintain);
 * - endorsing: the verb presents the content as fact (factive verbs: reveal, confirm, acknowledge,
 *   admit, concede, point out, show, prove, demonstrate, establish, verify, discover).
 */

export type CueClass =
  | 'speech'
  | 'argue'
  | 'factive'
  | 'cognition'
  | 'evidence'
  | 'appear'
  | 'hearsay'
  | 'evaluate'
  | 'request'
  | 'commit'
  | 'noun'
  | 'source';

export type Stance = 'neutral' | 'distancing' | 'endorsing';

const CLASSES: Record<CueClass, string> = {
  speech:
    'say tell add state note write explain mention remark comment reply respond answer announce declare describe ' +
    'report tweet post testify recall continue conclude speak talk ask inform disclose repeat reiterate quip joke ' +
    'boast complain emphasize emphasise stress underscore highlight observe caution suggest propose predict ' +
    'acknowledge concede call dub label characterize characterise brand refer cite quote read tout echo insist ' +
    'posit affirm assert announce release issue publish retort counter lament muse mock accord according ' +
    'express discuss address present deliver portray list remind shout yell scream whisper mutter chant cry ' +
    'exclaim interject recount signal hint imply clarify elaborate detail outline summarize summarise brief ' +
    'notify reassure confide confess email text blog broadcast proclaim pronounce attest invoke reference ' +
    'opine quote relate relay convey acknowledge',
  argue:
    'claim allege contend purport maintain argue deny dispute reject dismiss question challenge doubt rebut ' +
    'refute contradict counter object protest insinuate speculate theorize theorise hypothesize surmise',
  factive: 'reveal confirm admit point show prove demonstrate find discover establish verify indicate',
  cognition:
    'think believe know feel expect hope fear worry wonder suspect consider view see assume guess imagine ' +
    'understand realize realise recognize recognise figure reckon estimate anticipate want wish prefer like ' +
    'remember forget agree disagree decide learn seek favor embrace compare deem regard perceive sense ' +
    'presume infer deduce trust bet gauge calculate forecast concur',
  evidence: 'show suggest indicate find reveal estimate project conclude',
  appear: 'seem appear sound look',
  hearsay: 'reportedly allegedly purportedly apparently reputedly supposedly',
  evaluate:
    'criticize criticise praise accuse blame attack defend endorse support oppose denounce condemn slam blast ' +
    'applaud welcome back champion hail fault chide scold rebuke thank congratulate credit charge push promote ' +
    'identify convince decry lambast lambaste bash knock ridicule deride tease taunt insult scoff sneer rail ' +
    'grumble gripe',
  request: 'urge call demand ask request plead implore press encourage invite order instruct advise recommend',
  commit: 'promise vow pledge threaten warn guarantee assure swear commit offer refuse decline',
  noun:
    'statement interview remark comment letter tweet report speech claim criticism testimony memo email ' +
    'op-ed column editorial announcement press release briefing transcript post video message view opinion',
  source:
    'official spokesman spokeswoman spokesperson aide adviser advisor analyst expert source person people ' +
    'lawmaker senator representative minister secretary president director officer chief leader critic ' +
    'supporter observer poll survey study report campaign administration government',
};

/** Cue class of a lemma (the first class listed wins for the tagger feature). */
export const CUE_CLASS: ReadonlyMap<string, CueClass> = (() => {
  const map = new Map<string, CueClass>();
  for (const [cls, words] of Object.entries(CLASSES) as Array<[CueClass, string]>) {
    for (const word of words.split(/\s+/)) if (!map.has(word)) map.set(word, cls);
  }
  return map;
})();

const DISTANCING = 'claim allege contend purport maintain insist';
/** "point" counts only as "point out" (the stage checks the particle). */
const ENDORSING = 'reveal confirm acknowledge admit concede show prove demonstrate establish verify discover point';

export const STANCE: ReadonlyMap<string, Stance> = new Map<string, Stance>([
  ...DISTANCING.split(' ').map((w): [string, Stance] => [w, 'distancing']),
  ...ENDORSING.split(' ').map((w): [string, Stance] => [w, 'endorsing']),
]);

/** Cue or context words that deny or withhold the content. */
export const NEGATING_CUES = new Set(['deny', 'decline', 'refuse', 'reject', 'dismiss', 'dispute']);
export const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no', 'neither', 'nor']);

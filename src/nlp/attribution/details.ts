/**
 * What an attribution relation says beyond its spans: who the speaker is, through which channel
 * it reached the reporter, whether the content is quoted, the stance of the cue and negation.
 */
import type { AnalysedDocument, Token } from '../../model/document.js';
import type { AttributionFinding, Mention, Segment } from '../../model/findings.js';
import type { TokenContext } from './context.js';
import { NEGATING_CUES, NEGATORS, STANCE, type Stance } from './lexicon.js';
import type { Relation } from './structure.js';
import type { Chunk } from './tags.js';

/** Pieces of a role are joined with this in `Segment.text`; the spans are the truth. */
export const PIECE_JOINER = ' … ';

export function toFinding(a: AnalysedDocument, ctx: TokenContext, r: Relation): AttributionFinding {
  const source = r.source.length > 0 ? segment(a.doc.text, r.source) : null;
  const cue = segment(a.doc.text, [r.cue]);
  const content = segment(a.doc.text, r.content);
  const all = [...(source?.spans ?? []), ...cue.spans, ...content.spans];
  const via = channel(a, ctx, r);
  return {
    kind: 'attribution',
    start: Math.min(...all.map((s) => s[0])),
    end: Math.max(...all.map((s) => s[1])),
    source,
    cue,
    content,
    speaker: speakerOf(a.mentions, r.source, via),
    via: via?.name ?? null,
    mode: modeOf(ctx, r.content),
    stance: stanceOf(ctx.tokens, r.cue),
    negated: negatedAt(ctx, r.cue),
  };
}

function segment(text: string, chunks: readonly Chunk[]): Segment {
  const spans = chunks.map((c): [number, number] => [c.start, c.end]).sort((x, y) => x[0] - y[0]);
  return { spans, text: spans.map(([s, e]) => text.slice(s, e)).join(PIECE_JOINER) };
}

/**
 * Direct when every word of the content is inside quote marks, indirect when none is, mixed
 * otherwise ("said that the plan was “dead on arrival”").
 */
function modeOf(ctx: TokenContext, content: readonly Chunk[]): AttributionFinding['mode'] {
  let quoted = 0;
  let plain = 0;
  for (const c of content) {
    for (let i = c.first; i <= c.last; i++) {
      const t = ctx.tokens[i] as Token;
      if (t.pos === 'PUNCT') continue;
      if (ctx.inQuote[i] === 1) quoted++;
      else plain++;
    }
  }
  if (quoted > 0 && plain === 0) return 'direct';
  return quoted > 0 ? 'mixed' : 'indirect';
}

export function stanceOf(tokens: readonly Token[], cue: Chunk): Stance {
  for (let i = cue.first; i <= cue.last; i++) {
    const t = tokens[i] as Token;
    const lemma = t.lemma.toLowerCase();
    if (lemma === 'point' && (tokens[i + 1]?.norm ?? '') !== 'out') continue;
    const stance = STANCE.get(lemma);
    if (stance) return stance;
  }
  return 'neutral';
}

/** Words before the cue that can carry its negation: "did not say", "has never said". */
const AUX_WINDOW = 3;

/**
 * Negated when the cue denies or withholds ("denied that", "declined to comment", "refused to
 * say") or a negator governs it ("did not say"); two of them cancel out ("did not deny").
 */
export function negatedAt(ctx: TokenContext, cue: Chunk): boolean {
  const tokens = ctx.tokens;
  let negations = 0;
  const from = Math.max(ctx.sentenceFirst[cue.first] as number, cue.first - AUX_WINDOW);
  for (let i = from; i <= cue.last; i++) {
    const t = tokens[i] as Token;
    if (NEGATORS.has(t.norm)) negations++;
    else if (i >= cue.first && NEGATING_CUES.has(t.lemma.toLowerCase())) negations++;
    // Only auxiliaries, adverbs and negators sit between a negator and its verb.
    if (i < cue.first && !['AUX', 'ADV', 'PART'].includes(t.pos)) negations = 0;
  }
  return negations % 2 === 1;
}

/**
 * The speaker is the entity of a mention inside the source: a named person first ("Head of Russia's
 * Foreign Intelligence Service, Sergei Naryshkin" is Naryshkin), else the leftmost mention that is
 * not a pronoun ("U.S. officials who spoke to ...", "the United States and its allies"), else a
 * pronoun (which the entities stage resolved). The channel's mention is never the speaker.
 */
export function speakerOf(mentions: readonly Mention[], source: readonly Chunk[], via: Channel | null): string | null {
  let best: Mention | null = null;
  for (const m of mentions) {
    if (via && m.start >= via.start && m.end <= via.end) continue;
    if (!source.some((c) => m.start < c.end && m.end > c.start)) continue;
    if (best === null || rank(m) < rank(best) || (rank(m) === rank(best) && m.start < best.start)) best = m;
  }
  return best?.entity ?? null;
}

function rank(m: Mention): number {
  if (m.type === 'person' && m.form === 'name') return 0;
  return m.form === 'pronoun' ? 2 : 1;
}

export interface Channel {
  name: string;
  start: number;
  end: number;
}

const SPEECH_TO = new Set(['speak', 'talk', 'say', 'write', 'tell', 'give', 'describe', 'explain', 'confirm', 'reveal']);
const CALENDAR =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight)$/i;

/**
 * The channel: a named outlet after "told", "spoke/talked to/with", "in an interview with",
 * "said on", "in a statement to". Only a proper name counts: "told reporters" names an audience,
 * not a channel, and gives null.
 */
export function channel(a: AnalysedDocument, ctx: TokenContext, r: Relation): Channel | null {
  const tokens = ctx.tokens;
  const contentFirst = Math.min(...r.content.map((c) => c.first));
  const scanFrom = Math.min(r.cue.first, ...r.source.map((c) => c.first));
  const sentenceLast = ctx.sentenceLast[r.cue.first] as number;
  const scanTo = contentFirst > r.cue.last ? contentFirst - 1 : sentenceLast;
  const inContent = (i: number): boolean => r.content.some((c) => i >= c.first && i <= c.last);
  for (let i = scanFrom; i <= scanTo; i++) {
    if (inContent(i)) continue;
    const t = tokens[i] as Token;
    const lemma = t.lemma.toLowerCase();
    const next = tokens[i + 1]?.norm ?? '';
    let at = -1;
    if (lemma === 'tell' && t.pos === 'VERB') at = i + 1;
    else if ((SPEECH_TO.has(lemma) && (next === 'to' || next === 'with' || next === 'on')) || (lemma === 'interview' && (next === 'with' || next === 'on'))) at = i + 2;
    else if ((lemma === 'statement' || lemma === 'interview') && next === 'to') at = i + 2;
    if (at < 0 || at > scanTo + 1) continue;
    const name = properName(a, ctx, at);
    if (name) return name;
  }
  return null;
}

function properName(a: AnalysedDocument, ctx: TokenContext, at: number): Channel | null {
  const first = ctx.tokens[at];
  if (!first) return null;
  // Only an organisation is a channel: a person or a group is whom the speaker talked to
  // ("spoke with President Putin", "told reporters").
  const mention = a.mentions.find((m) => m.start <= first.start && m.end > first.start);
  if (mention) return mention.type === 'organization' ? { name: mention.text, start: mention.start, end: mention.end } : null;
  let last = at - 1;
  for (let i = at; i < ctx.tokens.length && i <= (ctx.sentenceLast[at] as number); i++) {
    const t = ctx.tokens[i] as Token;
    const capital = /^\p{Lu}/u.test(t.text);
    if (capital && !CALENDAR.test(t.text)) last = i;
    else if (i > at && last === i - 1 && (t.norm === 'of' || t.norm === '&' || t.norm === '’s' || t.norm === "'s")) continue;
    else break;
  }
  if (last < at) return null;
  const start = first.start;
  const end = (ctx.tokens[last] as Token).end;
  if (a.times.some((x) => x.start <= start && x.end >= end)) return null;
  return { name: a.doc.text.slice(start, end), start, end };
}

/**
 * Who is quoted for each claim unit. The attribution whose cue is in the unit's sentence and whose
 * spans cover most of the unit gives the speaker: its resolved entity, else a name read off its
 * source span. Only the cue's own sentence counts, so an attribution whose content runs on into
 * another sentence does not claim that sentence too. A sentence no one is quoted for but that
 * carries a hearsay adverb ("The purpose of the call was reportedly ...") goes on with the speaker
 * last quoted in its paragraph: the narrator is still reporting what that source said.
 */
import type { AnalysedDocument, Span } from '../../model/document.js';
import type { AttributionFinding } from '../../model/findings.js';
import { isFirstPerson, nameFromSource, type EntityIndex } from './speakers.js';
import type { Unit } from './units.js';

export interface Voice {
  /** Display name of who is quoted, or null for the narration of the document's author. */
  speaker: string | null;
  /** Global entity id of the speaker when resolved, else `source:<name>`; null with `speaker`. */
  speakerId: string | null;
  attribution: AttributionFinding | null;
  /** True when the speaker came from an earlier sentence through a hearsay adverb. */
  carried: boolean;
}

const HEARSAY = /\b(?:reportedly|allegedly|purportedly|supposedly|according to (?:the )?(?:reports?|sources?|officials?))\b/i;
const THIRD_PERSON = /^(?:he|she|they|his|her|their)$/i;

export function voices(a: AnalysedDocument, units: readonly Unit[], entities: EntityIndex): Voice[] {
  const out: Voice[] = [];
  const last: { voice: Voice | null; paragraph: number } = { voice: null, paragraph: -1 };
  for (const unit of units) {
    const attribution = attributionFor(a, unit);
    // "According to X, ..." names the source outright, whatever else the sentence's verbs suggest.
    let voice = accordingTo(a, unit, entities) ?? (attribution ? voiceOf(a, attribution, entities) : null);
    const previous = last.paragraph === unit.paragraph ? last.voice : null;
    if (voice && voice.speaker === null && attribution?.source && THIRD_PERSON.test(attribution.source.text.trim()) && previous) {
      voice = { ...previous, attribution, carried: false };
    }
    if (!voice?.speaker && previous?.speaker && HEARSAY.test(unit.text)) {
      voice = { speaker: previous.speaker, speakerId: previous.speakerId, attribution: attribution ?? null, carried: true };
    }
    voice ??= { speaker: null, speakerId: null, attribution: attribution ?? null, carried: false };
    out.push(voice);
    if (voice.speaker) {
      last.voice = voice;
      last.paragraph = unit.paragraph;
    }
  }
  return out;
}

/**
 * "According to Swedish officials, Lind called Berg": the commonest way news names a source, read
 * directly (a tagger may take "Lind called" for speech).
 */
const ACCORDING_TO = /^\W*(?:\w+,\s+)?according to ([^,;:]{2,80}?)\s*,/i;

function accordingTo(a: AnalysedDocument, unit: Unit, entities: EntityIndex): Voice | null {
  const m = ACCORDING_TO.exec(unit.text);
  if (!m?.[1]) return null;
  const from = unit.start + m.index + m[0].lastIndexOf(m[1]);
  const to = from + m[1].length;
  const mention = a.mentions.find((x) => x.start >= from && x.end <= to + 1);
  const ref = mention ? entities.of(a.doc.id, mention.entity) : null;
  if (ref) return { speaker: ref.name, speakerId: ref.id, attribution: null, carried: false };
  const name = nameFromSource(m[1]);
  return name ? { speaker: name, speakerId: `source:${name.toLowerCase()}`, attribution: null, carried: false } : null;
}

function voiceOf(a: AnalysedDocument, at: AttributionFinding, entities: EntityIndex): Voice {
  if (at.speaker) {
    const ref = entities.of(a.doc.id, at.speaker);
    if (ref) return { speaker: ref.name, speakerId: ref.id, attribution: at, carried: false };
  }
  const sourceText = at.source?.text ?? '';
  const name = isFirstPerson(sourceText) ? null : nameFromSource(sourceText);
  return { speaker: name, speakerId: name ? `source:${name.toLowerCase()}` : null, attribution: at, carried: false };
}

/** The attribution with its cue in the unit's sentence whose spans overlap the unit most. */
function attributionFor(a: AnalysedDocument, unit: Unit): AttributionFinding | undefined {
  const sentences = new Set(unit.tokens.map((t) => t.sentence));
  const sentenceSpans = [...sentences].map((i) => a.sentences[i]).filter((s): s is NonNullable<typeof s> => s !== undefined);
  const within = (start: number): boolean => sentenceSpans.some((s) => s.start <= start && start < s.end);
  let best: AttributionFinding | undefined;
  let bestScore = 0;
  for (const at of a.attributions) {
    const cueStart = at.cue.spans[0]?.[0];
    if (cueStart === undefined || !within(cueStart)) continue;
    const spans = [...at.cue.spans, ...at.content.spans, ...(at.source?.spans ?? [])].filter(([s]) => within(s));
    const score = spans.reduce((sum, [s, e]) => sum + overlap({ start: s, end: e }, unit), 0);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

function overlap(x: Span, y: Span): number {
  return Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
}

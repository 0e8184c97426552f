/**
 * Where dates can be: chrono is the slowest part of the pipeline, so it reads only the sentences
 * that a cheap regex says could hold a date (a month or weekday name, a relative word, a year, a
 * numeric date), and of those only the stretch around the words that matched.
 */

export interface Bounds {
  start: number;
  end: number;
}

export interface DatedSentence {
  /** The sentence: the context that rules look at (a preposition, a tense). */
  sentence: Bounds;
  /** The part of it chrono reads. */
  window: Bounds;
}

/** A sentence holding none of these has no date chrono or `findYears` would keep. */
const MAY_HOLD_A_DATE = new RegExp(
  [
    String.raw`\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b`,
    String.raw`\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*\d`,
    String.raw`\d\s+(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b`,
    String.raw`\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
    String.raw`\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|ago|weekend)\b`,
    String.raw`\b(?:[Ll]ast|[Nn]ext|[Pp]ast|[Tt]his|[Cc]oming|[Pp]revious|[Cc]urrent|[Tt]he)\s+(?:week|month|year|night|morning|afternoon|evening)\b`,
    String.raw`\b[Pp]ast\s+\w+\s+(?:days|weeks|months|years)\b`,
    String.raw`\b(?:1[6-9]|20)\d\d\b`,
    String.raw`\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b`,
  ].join('|'),
  'g',
);

/** A sentence break: end punctuation (and closing quotes) then a capital, or a line break. */
const SENTENCE_BREAK = /[.!?]["'”’)\]]*\s+(?=["“‘(]?[A-Z])|\n/g;
/** How far to look for a sentence break either side of a hit; a longer "sentence" is cut at a space. */
const REACH = 400;
/** How much of the sentence chrono reads either side of the first and last hit. */
const MARGIN = 60;

/**
 * The sentences of `text[from..]` that may hold a date, in text order and never overlapping, so no
 * expression is found twice.
 */
export function* datedSentences(text: string, from: number): Generator<DatedSentence> {
  let floor = from;
  MAY_HOLD_A_DATE.lastIndex = from;
  let hit = MAY_HOLD_A_DATE.exec(text);
  while (hit) {
    const start = sentenceStart(text, hit.index, floor);
    const sentence = { start, end: sentenceEnd(text, hit.index + hit[0].length) };
    const first = hit.index;
    let last = hit.index + hit[0].length;
    for (hit = MAY_HOLD_A_DATE.exec(text); hit && hit.index < sentence.end; hit = MAY_HOLD_A_DATE.exec(text)) {
      last = Math.max(last, hit.index + hit[0].length);
    }
    floor = sentence.end;
    const next = hit;
    yield { sentence, window: around(text, sentence, first, last) };
    // The regex is module state: go on from the next hit whatever ran while the caller had control.
    if (next) MAY_HOLD_A_DATE.lastIndex = next.index + next[0].length;
  }
}

/**
 * What chrono reads: the sentence's hits with `MARGIN` characters either side, cut at spaces.
 * chrono's cost grows with the length of what it reads, and an expression never reaches further
 * than that from the word that made it a hit ("three days ago", "from March 3 to March 5").
 */
function around(text: string, sentence: Bounds, first: number, last: number): Bounds {
  let start = Math.max(sentence.start, first - MARGIN);
  let end = Math.min(sentence.end, last + MARGIN);
  if (start > sentence.start) start = Math.max(sentence.start, text.lastIndexOf(' ', start) + 1);
  if (end < sentence.end) {
    const space = text.indexOf(' ', end);
    end = space < 0 ? sentence.end : Math.min(sentence.end, space);
  }
  return { start, end };
}

function sentenceStart(text: string, at: number, floor: number): number {
  const windowStart = Math.max(floor, at - REACH);
  let start = windowStart;
  SENTENCE_BREAK.lastIndex = windowStart;
  for (let m = SENTENCE_BREAK.exec(text); m && m.index < at; m = SENTENCE_BREAK.exec(text)) {
    start = m.index + m[0].length;
  }
  if (start === windowStart && windowStart > floor) {
    const space = text.indexOf(' ', windowStart);
    if (space >= 0 && space < at) start = space + 1;
  }
  return Math.min(start, at);
}

function sentenceEnd(text: string, at: number): number {
  const limit = Math.min(text.length, at + REACH);
  SENTENCE_BREAK.lastIndex = at;
  const m = SENTENCE_BREAK.exec(text);
  if (m && m.index < limit) return m.index + 1;
  if (limit === text.length) return limit;
  const space = text.lastIndexOf(' ', limit);
  return space > at ? space : limit;
}

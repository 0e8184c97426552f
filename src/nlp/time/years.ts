/**
 * Bare years ("in 2014", "since 2014", "between 2014 and 2016"), which chrono does not read. A
 * four-digit number is a year only in a clear date context, so that "2,000 troops", "the 2014
 * election" and "in 2000 people" are not years: a date word before it, and after it the end of
 * the clause, a capitalised word or a function word ("in 2014 Russia annexed", "since 2014 when").
 */

export interface YearHit {
  start: number;
  end: number;
  year: number;
}

const YEAR = /(?<![\d$€£.,/])(?<!(?<!(?:1[6-9]|20)\d)\d[-–])(1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-?\s?(?:percent|per cent)\b)/g;
const DATE_WORD_BEFORE =
  /(?:\b(?:in|since|until|till|by|from|during|through|throughout|before|after|between)\s+(?:(?:early|late|mid)(?:-|\s+))?|\b(?:end|beginning|start|middle|half|spring|summer|autumn|fall|winter|quarter)\s+of\s+|\bthe\s+year\s+|\bmid-)$/i;
const AFTER_ANOTHER_YEAR = /\b(?:1[6-9]\d\d|20\d\d)\s*(?:,|and|or|to|through|-|–|—)\s*$/;
const FOLLOWER =
  /^(?:$|\s*[,.;:!?)\]"”’'—–]|-\d|\s+(?:[A-Z]|(?:and|or|to|when|the|a|an|as|was|were|is|are|had|has|have|after|before|in|on|at|for|with|by|of|but|he|she|they|it|we|i|while|until|since|during|amid|that|which|who|onwards?|through)\b))/;

/** Years in `text[from, to)` that the context marks as dates; the context reaches back to `floor`. */
export function findYears(text: string, from: number, to: number, floor = from): YearHit[] {
  const hits: YearHit[] = [];
  const slice = text.slice(from, to);
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(slice); m; m = YEAR.exec(slice)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const prefix = text.slice(Math.max(floor, start - 40), start);
    if (!DATE_WORD_BEFORE.test(prefix) && !AFTER_ANOTHER_YEAR.test(prefix)) continue;
    if (!FOLLOWER.test(text.slice(end, Math.min(to, end + 16)))) continue;
    hits.push({ start, end, year: Number(m[0]) });
  }
  return hits;
}

/**
 * Time expressions in the analysable body, resolved against the publication date (see
 * `resolveTimes`). The tokens from the sentences stage add one check the text alone cannot make:
 * a month name that wink tags as a verb or auxiliary ("May" in a headline-cased "Officials May
 * Meet") is not a date.
 */
import type { AnalysedDocument, Token } from '../../model/document.js';
import type { TimeExpression } from '../../model/findings.js';
import type { Stage } from '../../model/stage.js';
import { parseIsoDay } from './calendar.js';
import { MONTH_NAMES } from './names.js';
import { resolveTimes } from './resolve.js';

const VERB_TAGS = new Set(['AUX', 'VERB']);
const MONTHS = new Set<string>(MONTH_NAMES);

export const timeStage: Stage = {
  name: 'time',
  run(a) {
    const { text, bodyStart, date } = a.doc;
    const valid = date !== null && parseIsoDay(date) !== null;
    if (date !== null && !valid) {
      a.warnings.push({
        code: 'time-bad-document-date',
        stage: 'time',
        message: `document date "${date}" is not a YYYY-MM-DD calendar date; only time expressions with their own year are resolved`,
      });
    }
    for (const time of resolveTimes(text, bodyStart, valid ? date : null)) {
      if (!readAsVerb(time, a)) a.times.push(time);
    }
  },
};

/** True when a month name in the expression is a token wink tagged AUX or VERB. */
function readAsVerb(time: TimeExpression, a: AnalysedDocument): boolean {
  if (/\d/.test(time.text)) return false;
  for (let i = firstTokenAt(a.tokens, time.start); i < a.tokens.length; i++) {
    const token = a.tokens[i] as Token;
    if (token.start >= time.end) break;
    if (MONTHS.has(token.norm) && VERB_TAGS.has(token.pos)) return true;
  }
  return false;
}

/** Index of the first token that starts at or after `offset` (tokens are in text order). */
function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

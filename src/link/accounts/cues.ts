/**
 * Words by which a text says two statements conflict (signals.ts), and by which a statement answers
 * the one before it (relevance.ts: an answer to a claim about the event is about the event too).
 */

/** "Contrary to this, X claimed ...": opens a claim against the one just before. */
export const OPENING_CUE = /^(?:\W*\w+\W+){0,2}?(contrary to (?:this|that|these|those|what|the \w+|his|her|their)|in contrast|by contrast|in contradiction)\b/i;

/** A denial pointing back at what was just said: "disputed that figure", "denied this", "rejected the claim". */
export const BACK_DENIAL = /\b((?:disputed?|disputes|denied|denies|deny|rejected|rejects|refuted|refutes|contested|contests|contradicted|contradicts)\s+(?:(?:that|this|these|those|the|such)\s+(?:figure|figures|number|numbers|account|accounts|claim|claims|report|reports|allegation|allegations|assertion|assertions|characteri[sz]ation|version|statement|suggestion|idea|notion|charge|charges)\b|(?:this|that|it)(?=\s*(?:[.,;:!?)\]]|$))))/i;
/** "X's account differs from what Y said": two accounts named as differing. */
export const DIFFER_CUE = /\b(contrary to|differs?(?: \w+)? from|differ(?:ed|ing)?(?: \w+)? from|contradict(?:s|ed|ing)?|at odds with|inconsistent with|conflicting accounts?|disputed?)\b/i;

/** The unit answers the statement just before it. */
export function answersPrevious(text: string): boolean {
  return OPENING_CUE.test(text) || BACK_DENIAL.test(text);
}

/**
 * Words that name an exchange between parties: a call, talks, a meeting. The events stage gives each
 * event its own trigger spans; these words stand in where it found none, and are left out of the
 * terms claims are aligned on (every claim about a call says "call").
 */

/** The words of a call itself. */
export const CALL_WORDS: readonly string[] = ['call', 'phone', 'telephone', 'conversation', 'talk', 'speak', 'spoke', 'converse'];

/** Any exchange: calls, talks, meetings, contacts. */
export const EXCHANGE_WORDS: ReadonlySet<string> = new Set([
  ...CALL_WORDS,
  'talks', 'contact', 'discussion', 'meeting', 'meet', 'videoconference', 'exchange', 'consultation', 'consultations',
]);

/**
 * Events: what happened, who took part, where and when, one `EventFinding` per event of the
 * document however often it is mentioned. The passes, in order:
 *   triggers   event nouns and verbs, by lemma and tag            (triggers.ts, lexicon.ts)
 *   arguments  participants and place around each trigger        (arguments.ts)
 *   dating     time expressions attached to the nearest mention  (dating.ts)
 *   coref      mentions of one event made one event              (coref.ts)
 *   build      keys, labels, spans, implied dates                (build.ts)
 * Types and their CAMEO codes: ontology.ts and docs/events.md. Runs after entities and
 * attribution, whose mentions and quoted contents it reads.
 */
import type { Stage } from '../../model/stage.js';
import { readMention } from './arguments.js';
import { buildEvents } from './build.js';
import { EventContext } from './context.js';
import { clusterMentions } from './coref.js';
import { attachTimes } from './dating.js';
import { setEventNotes } from './notes.js';
import { findTriggers } from './triggers.js';

export const eventsStage: Stage = {
  name: 'events',
  run(a) {
    if (a.tokens.length === 0) return;
    const ctx = new EventContext(a);
    const mentions = findTriggers(ctx).map((t) => readMention(ctx, t));
    const times = attachTimes(ctx, mentions);
    const drafts = clusterMentions(ctx, mentions, times);
    const { events, notes } = buildEvents(ctx, drafts);
    a.events.push(...events);
    setEventNotes(a, notes);
  },
};

export { mainEvent } from './main.js';
export { eventNotes, type EventNotes } from './notes.js';

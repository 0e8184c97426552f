/**
 * Entities: mentions of people, organisations, places and groups, with their roles, affiliations
 * and identity inside the document. The passes, in order:
 *   names     proper-name runs and gazetteer phrases, typed        (names.ts)
 *   refs      groups, nationality organisations, descriptions, pronouns   (refs.ts)
 *   roles     titles and appositives around person names          (roles.ts)
 *   identity  which names are the same entity                     (identity.ts)
 *   coref     which entity each pronoun and description refers to (coref.ts)
 *   findings  one Mention per mention, one EntityFinding per entity (findings.ts)
 * Word lists and gazetteers come from data/ and are loaded once per process (lexicon.ts).
 */
import type { Stage } from '../../model/stage.js';
import { DocContext } from './context.js';
import { clusterFacts, resolveReferences } from './coref.js';
import { buildFindings } from './findings.js';
import { clusterNames } from './identity.js';
import { scanNames } from './names.js';
import { coverage, scanRefs } from './refs.js';
import { scanRoles } from './roles.js';

export const entitiesStage: Stage = {
  name: 'entities',
  run(a) {
    if (a.tokens.length === 0) return;
    const ctx = new DocContext(a);
    const scan = scanNames(ctx);
    scanRefs(ctx, scan);
    scanRoles(ctx, scan, coverage(ctx));
    const clusters = clusterNames(ctx);
    const facts = clusterFacts(ctx, scan.demonyms, coverage(ctx));
    resolveReferences(ctx, facts, clusters.parent.length);
    buildFindings(ctx, scan.demonyms, coverage(ctx));
  },
};

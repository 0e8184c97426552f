/**
 * Attributions: who said what. A tagger trained on PolNeAR (models/attribution.json, built by
 * scripts/train-attribution.ts) marks source, cue and content tokens; rules group them into
 * relations and read speaker, channel, mode, stance and negation off them. Runs after the entities
 * stage, whose mentions give the speaker.
 */
import type { Stage } from '../../model/stage.js';
import { findAttributions } from './find.js';
import { attributionModel, modelPath } from './model.js';

export const attributionStage: Stage = {
  name: 'attribution',
  run(a) {
    let model;
    try {
      model = attributionModel();
    } catch (cause) {
      a.warnings.push({
        code: 'attribution-model-unavailable',
        stage: 'attribution',
        message: `no attribution model at ${modelPath()}: ${(cause as Error).message}; run scripts/train-attribution`,
      });
      return;
    }
    a.attributions.push(...findAttributions(a, model));
  },
};

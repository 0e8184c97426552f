/** Placeholder until the entities stage lands. */
import type { Stage } from '../../model/stage.js';

export const entitiesStage: Stage = {
  name: 'entities',
  run() {},
};

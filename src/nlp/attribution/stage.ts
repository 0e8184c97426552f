/** Placeholder until the attribution stage lands. */
import type { Stage } from '../../model/stage.js';

export const attributionStage: Stage = {
  name: 'attribution',
  run() {},
};

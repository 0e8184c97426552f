/** Placeholder until the time stage lands: resolves nothing. */
import type { Stage } from '../../model/stage.js';

export const timeStage: Stage = {
  name: 'time',
  run() {},
};

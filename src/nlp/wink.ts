/** One wink-nlp instance per process: loading the model costs ~100 ms, parsing is the hot path. */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type WinkNLP = ReturnType<typeof winkNLP>;

let instance: WinkNLP | null = null;

export function wink(): WinkNLP {
  instance ??= winkNLP(model);
  return instance;
}

/**
 * Child process of the crash test: writes a generated corpus into the store at $RASHOMON_DB in
 * big batches, printing `writing N` before batch N and `committed N` after it, so the parent can
 * kill it while a transaction is open.
 */
import { openStore } from '../../src/store/open.js';
import { crashCorpus, CRASH_BATCH } from './crash-corpus.js';

const store = await openStore();
const docs = crashCorpus();
for (let i = 0, batch = 0; i < docs.length; i += CRASH_BATCH, batch++) {
  process.stdout.write(`writing ${batch}\n`);
  await store.putDocuments(docs.slice(i, i + CRASH_BATCH));
  process.stdout.write(`committed ${batch}\n`);
}
await store.close();

import { z } from 'zod';
import { common, parseCommand } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { analyseFiles } from '../analyse-files.js';
import { attributionsToContract } from '../../nlp/attribution/contract.js';
import { speakerLookup } from '../../nlp/entities/contract.js';
import type { Command } from './command.js';

export const attributionsCommand: Command = {
  name: 'attributions',
  help: `
rashomon attributions FILE... [--json]

Runs the pipeline in memory and prints, per input document, every attribution: source, cue and
content spans (UTF-16 offsets into the text as read), the speaker, the channel (via), direct or
indirect, the stance of the cue and negation. With --json, one JSON object per document per line.

Examples:
  rashomon attributions examples/naryshkin-burns-2023-07-13.txt --json
  rashomon attributions article.html
`,
  async run(argv) {
    const { options, positionals } = parseCommand(argv, common, z.object({ json: z.boolean().optional(), db: z.string().optional() }));
    if (positionals.length === 0) throw new UsageError('attributions needs at least one FILE');
    const { documents, failed } = await analyseFiles(positionals);
    for (const { path, analysis } of documents) {
      const attributions = attributionsToContract(analysis, speakerLookup(analysis));
      if (options.json) {
        printJson({ document: path, attributions });
        continue;
      }
      process.stdout.write(`${path}\n`);
      for (const at of attributions) {
        const who = at.speaker?.name ?? at.source?.text ?? '(no source)';
        const via = at.via ? ` via ${at.via.name}` : '';
        const neg = at.negated ? ' [negated]' : '';
        process.stdout.write(`  ${who}${via} — ${at.cue.text} (${at.kind}, ${at.stance}${neg}): ${at.content.text}\n`);
      }
    }
    return failed ? EXIT.someInputsFailed : EXIT.ok;
  },
};

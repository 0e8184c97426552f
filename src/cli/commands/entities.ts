import { z } from 'zod';
import { common, parseCommand } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { analyseFiles } from '../analyse-files.js';
import { entitiesToContract } from '../../nlp/entities/contract.js';
import type { Command } from './command.js';

export const entitiesCommand: Command = {
  name: 'entities',
  help: `
rashomon entities FILE... [--json]

Runs the pipeline in memory and prints, per input document, its entities: people, organisations,
places and groups, with roles, affiliations, aliases and every mention's span (UTF-16 offsets).
With --json, one JSON object per document per line: {"document", "entities": [...]}.

Examples:
  rashomon entities examples/naryshkin-burns-2023-07-13.txt
  rashomon entities feeds/world.xml --json
`,
  async run(argv) {
    const { options, positionals } = parseCommand(argv, common, z.object({ json: z.boolean().optional(), db: z.string().optional() }));
    if (positionals.length === 0) throw new UsageError('entities needs at least one FILE');
    const { documents, failed } = await analyseFiles(positionals);
    for (const { path, analysis } of documents) {
      const { entities } = entitiesToContract(analysis);
      if (options.json) {
        printJson({ document: path, entities });
        continue;
      }
      process.stdout.write(`${path}\n`);
      for (const e of entities) {
        const roles = e.roles.length ? ` — ${e.roles.join('; ')}` : '';
        const aff = e.affiliations.length ? ` [${e.affiliations.join(', ')}]` : '';
        process.stdout.write(`  ${e.type.padEnd(12)} ${e.name}${roles}${aff} (${e.mentions.length} mentions)\n`);
      }
    }
    return failed ? EXIT.someInputsFailed : EXIT.ok;
  },
};

import { z } from 'zod';
import { common, parseCommand } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { analyseFiles } from '../analyse-files.js';
import { compare } from '../../link/compare.js';
import { renderText } from '../../report/text.js';
import type { Command } from './command.js';

export const compareCommand: Command = {
  name: 'compare',
  help: `
rashomon compare FILE... [--json]

Runs the whole pipeline in memory (no store) over all the inputs together: groups what they
report into events, and for each event lays the accounts side by side, with the points they
share, the points only one of them makes, and where they conflict (with the reason). Every
point carries its evidence: the exact spans (UTF-16 offsets) of the sentences it came from.

With --json, one JSON object: {"documents": [...], "events": [{"id", "label", "type", "date",
"place", "participants", "documents", "accounts", "points"}]}. Document ids from JSONL input are
kept as given.

Examples:
  rashomon compare examples/naryshkin-burns-2023-07-13.txt
  rashomon compare readouts.jsonl --json
  rashomon compare whitehouse.html kremlin.html
`,
  async run(argv) {
    const { options, positionals } = parseCommand(argv, common, z.object({ json: z.boolean().optional(), db: z.string().optional() }));
    if (positionals.length === 0) throw new UsageError('compare needs at least one FILE');
    const { documents, failed } = await analyseFiles(positionals);
    const result = compare(documents.map((d) => d.analysis));
    if (options.json) printJson(result);
    else process.stdout.write(renderText(result));
    return failed ? EXIT.someInputsFailed : EXIT.ok;
  },
};

import { z } from 'zod';
import { common, parseCommand } from '../args.js';
import { EXIT } from '../errors.js';
import { printJson } from '../output.js';
import { openStore } from '../../store/open.js';
import type { Command } from './command.js';

export const statsCommand: Command = {
  name: 'stats',
  help: `
rashomon stats [--db FILE] [--json]

Examples:
  rashomon stats
  rashomon stats --db news.db --json
`,
  async run(argv) {
    const { options } = parseCommand(argv, common, z.object({ db: z.string().optional(), json: z.boolean().optional() }));
    const store = await openStore(options.db);
    try {
      const s = await store.stats();
      if (options.json) {
        printJson(s);
        return EXIT.ok;
      }
      const lines = [
        `documents:    ${s.documents} (${s.analysed} analysed)`,
        `sentences:    ${s.sentences}`,
        `characters:   ${s.characters}`,
        `dates:        ${s.dates.from ?? '-'} .. ${s.dates.to ?? '-'}`,
        `findings:     ${Object.entries(s.findings).map(([k, v]) => `${k} ${v}`).join(', ')}`,
        `warnings:     ${s.warnings}`,
        `publishers:   ${s.publishers.slice(0, 8).map((p) => `${p.publisher ?? '(none)'} ${p.documents}`).join(', ')}`,
        `sources:      ${s.sources.slice(0, 8).map((p) => `${p.source ?? '(none)'} ${p.documents}`).join(', ')}`,
        `languages:    ${s.languages.map((p) => `${p.lang ?? '?'} ${p.documents}`).join(', ')}`,
        `schema:       v${s.schemaVersion}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

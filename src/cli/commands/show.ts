import { z } from 'zod';
import { common, parseCommand } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { printJson, shorten } from '../output.js';
import { openStore } from '../../store/open.js';
import type { Command } from './command.js';

export const showCommand: Command = {
  name: 'show',
  help: `
rashomon show DOC [--db FILE] [--json]

DOC is a document id or a unique prefix of one. Prints the metadata, the text, and the findings
(dates, entities, attributions, events) with their spans; --json prints everything.

Examples:
  rashomon show d3f2a9
  rashomon show E03-US-1 --json
`,
  async run(argv) {
    const { options, positionals } = parseCommand(argv, common, z.object({ db: z.string().optional(), json: z.boolean().optional() }));
    const [ref] = positionals;
    if (!ref || positionals.length > 1) throw new UsageError('show needs exactly one DOC id (or unique prefix)');
    const store = await openStore(options.db);
    try {
      const id = await store.resolveDocumentId(ref);
      const doc = id ? await store.getDocument(id) : null;
      if (!doc) {
        process.stderr.write(`rashomon: no document matches '${ref}' (or the prefix is ambiguous)\n`);
        return EXIT.someInputsFailed;
      }
      if (options.json) {
        printJson(doc);
        return EXIT.ok;
      }
      const d = doc.doc;
      const text = d.text;
      const slice = (s: { start: number; end: number }): string => shorten(text.slice(s.start, s.end), 100);
      process.stdout.write(
        [
          `id:        ${d.id}`,
          `title:     ${d.title ?? ''}`,
          `date:      ${d.date ?? ''}`,
          `publisher: ${d.publisher ?? ''}`,
          `source:    ${d.source ?? ''}`,
          `url:       ${d.url ?? ''}`,
          `path:      ${d.path ?? ''}`,
          `language:  ${d.lang ?? ''}${doc.analysed ? '' : ' (not analysed)'}`,
          `sentences: ${doc.sentences.length}`,
          '',
          text,
          '',
        ].join('\n'),
      );
      if (doc.times.length) {
        process.stdout.write('dates:\n');
        for (const t of doc.times) {
          process.stdout.write(`  [${t.start},${t.end}) "${t.text}" -> ${t.value.start}..${t.value.end} (${t.value.precision})\n`);
        }
      }
      if (doc.entities.length) {
        process.stdout.write('entities:\n');
        for (const e of doc.entities) {
          const roles = e.roles.length ? ` — ${e.roles.join('; ')}` : '';
          process.stdout.write(`  ${e.type.padEnd(12)} ${e.name}${roles} (${e.mentions.length} mentions)\n`);
        }
      }
      if (doc.attributions.length) {
        process.stdout.write('attributions:\n');
        for (const a of doc.attributions) {
          const who = a.source ? a.source.text : '(no source)';
          process.stdout.write(`  [${a.start},${a.end}) ${who} — ${a.cue.text}: ${shorten(a.content.text, 90)}\n`);
        }
      }
      if (doc.events.length) {
        process.stdout.write('events:\n');
        for (const e of doc.events) process.stdout.write(`  ${e.type.padEnd(12)} ${e.label} ${slice(e)}\n`);
      }
      if (doc.warnings.length) {
        process.stdout.write('warnings:\n');
        for (const w of doc.warnings) process.stdout.write(`  ${w.stage}/${w.code}: ${w.message}\n`);
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};

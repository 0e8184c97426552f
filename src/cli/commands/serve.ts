import { z } from 'zod';
import { parseCommand } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { ServerConfigError, serveUntilStopped } from '../../api/server.js';
import { openStore } from '../../store/open.js';
import type { Command } from './command.js';

export const serveCommand: Command = {
  name: 'serve',
  help: `
rashomon serve [--db FILE] [--port 8080] [--host 127.0.0.1] [--token T]

Serves the workbench (the web app and its JSON API under /api) over the store and prints its
address. It listens on 127.0.0.1 unless --host says otherwise; any other host needs a token
(--token or $RASHOMON_TOKEN), which every write (POST /api/documents) must then send as
"Authorization: Bearer T". Ctrl-C stops it. The API is described at /api/openapi.json.

Examples:
  rashomon serve
  rashomon serve --db .rashomon/examples.db --port 0
  RASHOMON_TOKEN=s3cret rashomon serve --host 0.0.0.0 --port 8443
`,
  async run(argv) {
    const { options, positionals } = parseCommand(
      argv,
      {
        db: { type: 'string' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      z.object({
        db: z.string().optional(),
        port: z.coerce.number().int().min(0).max(65535).default(8080),
        host: z.string().min(1).default('127.0.0.1'),
        token: z.string().min(1).optional(),
        help: z.boolean().optional(),
      }),
    );
    if (positionals.length) throw new UsageError(`serve takes no arguments (got '${positionals.join(' ')}')`);
    const store = await openStore(options.db);
    try {
      await serveUntilStopped({
        store,
        host: options.host,
        port: options.port,
        ...(options.token !== undefined ? { token: options.token } : {}),
      });
      return EXIT.ok;
    } catch (error) {
      if (error instanceof ServerConfigError) throw new UsageError(error.message);
      throw error;
    } finally {
      await store.close();
    }
  },
};

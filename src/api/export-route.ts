/**
 * GET /api/export: the same exports as `rashomon export`, as a download streamed chunk by chunk.
 */
import { Hono } from 'hono';
import { EXPORT_MEDIA_TYPES, exportChunks, exportFileName } from '../export/index.js';
import type { Store } from '../store/store.js';
import { notFound } from './errors.js';
import { exportQuery, validate } from './schemas.js';

export function exportRoute(store: Store): Hono {
  const api = new Hono();
  api.get('/export', async (c) => {
    const q = validate(exportQuery, c.req.query(), 'query');
    const options = q.event === undefined ? {} : { event: q.event };
    // Checked before streaming starts: once the first byte is out, the status cannot change.
    if (q.event !== undefined && (await store.getEvent(q.event)) === null) throw notFound(`no event with id '${q.event}'`);
    const chunks = exportChunks(store, q.format, options);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          console.error('rashomon api: export failed while streaming:', error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    c.header('Content-Type', EXPORT_MEDIA_TYPES[q.format]);
    c.header('Content-Disposition', `attachment; filename="${exportFileName(q.format, options)}"`);
    return c.body(body);
  });
  return api;
}

/**
 * Ingest progress: a redrawn bar on a TTY (done / total, documents per second, errors), nothing
 * while running otherwise; the caller prints a one-line summary at the end either way.
 */
import type { WriteStream } from 'node:tty';

export interface Progress {
  tick(done: number, errors: number): void;
  setTotal(total: number): void;
  finish(): void;
}

const REDRAW_MS = 100;
const WIDTH = 28;

export function progress(stream: NodeJS.WriteStream, total: number | null): Progress {
  if (!stream.isTTY) return { tick() {}, setTotal() {}, finish() {} };
  const tty = stream as WriteStream;
  const started = performance.now();
  let last = 0;
  let known = total;
  let shown = false;
  const draw = (done: number, errors: number): void => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const ratio = known ? Math.min(1, done / known) : 0;
    const filled = Math.round(ratio * WIDTH);
    const bar = known ? `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ` : '';
    const of = known ? `${done}/${known}` : `${done}`;
    const line = `${bar}${of} documents  ${rate.toFixed(1)} docs/s  ${errors} error${errors === 1 ? '' : 's'}`;
    tty.cursorTo(0);
    tty.write(line.slice(0, Math.max(20, (tty.columns ?? 80) - 1)));
    tty.clearLine(1);
    shown = true;
  };
  let lastDone = 0;
  let lastErrors = 0;
  return {
    tick(done, errors) {
      lastDone = done;
      lastErrors = errors;
      const now = performance.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      draw(done, errors);
    },
    setTotal(t) {
      known = t;
    },
    finish() {
      if (!shown) return;
      draw(lastDone, lastErrors);
      tty.write('\n');
    },
  };
}

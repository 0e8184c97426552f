/**
 * Peak resident memory of `rashomon ingest` (the built bin, its worker threads included: they are
 * threads of the same process) while it ingests generated JSONL from stdin, written as fast as it
 * reads. RSS is sampled from /proc every 200 ms; the curve (peak RSS after each slice of text) says
 * whether memory grows with the corpus. Ingesting 1 GB of text takes hours on two cores, so by
 * default the feed stops at a time limit, and the figure for 1 GB is extrapolated from the second
 * half of the curve (the slope of peak RSS per MB of text), and reported as such.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../src/paths.js';
import { article } from './corpus.js';
import { round } from './stats.js';

export interface MemoryFigures {
  /** Text fed (MB of article text, JSON framing not counted) and how many documents that was. */
  text_mb: number;
  documents: number;
  seconds: number;
  workers: number;
  /** Peak RSS of the ingest process over the run (VmHWM). */
  peak_rss_mb: number;
  /** Peak RSS after each tenth of the text fed: [text MB, RSS MB]. */
  curve: Array<[number, number]>;
  /** True when the whole target was fed; otherwise the time limit stopped the feed. */
  complete: boolean;
  target_mb: number;
  /** Peak RSS for `target_mb` of text: measured when complete, else extrapolated from the curve. */
  peak_rss_mb_at_target: number;
  extrapolated: boolean;
}

export interface MemoryOptions {
  targetMb?: number;
  maxSeconds?: number;
  workers?: number;
  log?: (line: string) => void;
}

function rssOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export async function measureMemory(options: MemoryOptions = {}): Promise<MemoryFigures> {
  const targetMb = options.targetMb ?? 1024;
  const maxSeconds = options.maxSeconds ?? 600;
  const workers = options.workers ?? 2;
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'rashomon-bench-memory-'));
  const bin = packagePath('dist', 'src', 'cli', 'main.js');
  const child = spawn(process.execPath, [bin, 'ingest', '-', '--db', join(dir, 'memory.db'), '--workers', String(workers), '--json'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pid = child.pid as number;
  let peak = 0;
  let textBytes = 0;
  const sample = (): void => {
    const m = rssOf(pid);
    if (m) peak = Math.max(peak, m.hwm, m.rss);
  };
  const timer = setInterval(sample, 200);
  const curve: Array<[number, number]> = [];
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = once(child, 'exit');
  const started = performance.now();
  let documents = 0;
  let nextMark = targetMb / 10;
  try {
    while (textBytes < targetMb * 1e6 && (performance.now() - started) / 1000 < maxSeconds) {
      const a = article(documents, 99);
      documents++;
      textBytes += Buffer.byteLength(a.text);
      if (!child.stdin.write(`${JSON.stringify(a)}\n`)) await once(child.stdin, 'drain');
      if (textBytes / 1e6 >= nextMark || documents % 2000 === 0) {
        sample();
        curve.push([round(textBytes / 1e6, 1), round(peak, 1)]);
        if (textBytes / 1e6 >= nextMark) nextMark += targetMb / 10;
        log(`  ${round(textBytes / 1e6, 1)} MB of text fed (${documents} documents), peak RSS ${round(peak, 1)} MB`);
      }
    }
    child.stdin.end();
    // Sample until the process is gone: the last batches and the final linking happen after the feed.
    await exited;
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
  const report = JSON.parse(stdout) as { added: number };
  if (report.added !== documents) throw new Error(`the memory run ingested ${report.added} of ${documents} documents`);
  const textMb = textBytes / 1e6;
  curve.push([round(textMb, 1), round(peak, 1)]);
  const complete = textMb >= targetMb;
  return {
    text_mb: round(textMb, 1),
    documents,
    seconds: round((performance.now() - started) / 1000, 1),
    workers,
    peak_rss_mb: round(peak, 1),
    curve,
    complete,
    target_mb: targetMb,
    peak_rss_mb_at_target: round(complete ? peak : extrapolate(curve, targetMb), 1),
    extrapolated: !complete,
  };
}

/** Peak RSS at `mb` from the slope of the second half of the curve (never below the last point). */
function extrapolate(curve: ReadonlyArray<[number, number]>, mb: number): number {
  const last = curve[curve.length - 1] as [number, number];
  const half = curve.slice(Math.floor(curve.length / 2));
  const first = half[0] as [number, number];
  if (half.length < 2 || last[0] <= first[0]) return last[1];
  const slope = Math.max(0, (last[1] - first[1]) / (last[0] - first[0]));
  return last[1] + slope * (mb - last[0]);
}

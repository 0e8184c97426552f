/**
 * The hostile and broken inputs of issue 7, item 2, laid out in one folder with good documents
 * around them: the small ones are fixture files (fixtures/hostile/), the big ones are generated here
 * (never committed). `expected*` say what a user must see for each: a failure naming the path (and
 * line) with a reason, a warning with a code, or a stored document.
 */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articles } from '../../bench/corpus.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/hostile/', import.meta.url));

/** Mulberry32: generated inputs are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'officials', 'said', 'the', 'talks', 'in', 'Geneva', 'were', 'useful', 'and', 'that', 'Sergei', 'Lavrov', 'told',
  'reporters', 'on', 'Monday', 'ministry', 'would', 'continue', 'to', 'discuss', 'grain', 'exports', 'with', 'Ukraine',
  'according', 'Washington', 'Moscow', 'Burns', 'claimed', 'denied', 'July', '13', '2023', 'last', 'week',
];

/** `count` words of news vocabulary (names, cues, dates) with no punctuation at all: one sentence. */
export function longSentence(count: number, seed = 5): string {
  const r = rng(seed);
  return Array.from({ length: count }, () => WORDS[Math.floor(r() * WORDS.length)] as string).join(' ');
}

/** Base64-looking noise on one line, no newline at all: a data blob saved as text. */
function blobLine(bytes: number, seed = 9): string {
  const r = rng(seed);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const chunk = Array.from({ length: 4096 }, () => alphabet[Math.floor(r() * 64)]).join('');
  return chunk.repeat(Math.ceil(bytes / chunk.length)).slice(0, bytes);
}

export const BIG_LINE_BYTES = 20 * 1024 * 1024;
export const DEEP_LEVELS = 100_000;
export const LONG_SENTENCE_WORDS = 5_000;

/** Good documents: every one must be stored whatever the hostile files around it do. */
export const GOOD_TEXTS = 8;
export const GOOD_JSONL = 4;

/**
 * Builds `dir/inputs` with hostile/ (the fixtures), generated/ (the big ones), good/ (generated
 * articles) and a symbolic link back to the folder itself (must not be walked twice). Returns it.
 */
export function layOutInputs(dir: string): string {
  const inputs = join(dir, 'inputs');
  cpSync(FIXTURES, join(inputs, 'hostile'), { recursive: true });
  const generated = join(inputs, 'generated');
  mkdirSync(generated, { recursive: true });
  writeFileSync(join(generated, 'huge-line.txt'), blobLine(BIG_LINE_BYTES));
  writeFileSync(
    join(generated, 'huge-line.jsonl'),
    `${JSON.stringify({ id: 'huge-line', text: blobLine(BIG_LINE_BYTES - 100, 10) })}\n` +
      `${JSON.stringify({ id: 'after-huge-line', text: 'The envoy said on Monday that the talks would resume in March.' })}\n`,
  );
  writeFileSync(join(generated, 'deep.html'), `<!doctype html><html><body>${'<div>'.repeat(DEEP_LEVELS)}Deep.${'</div>'.repeat(DEEP_LEVELS)}</body></html>`);
  writeFileSync(join(generated, 'deep-unclosed.html'), `<html><body>${'<span><b>'.repeat(DEEP_LEVELS / 2)}text</body></html>`);
  writeFileSync(
    join(generated, 'deep-item.rss'),
    `<rss version="2.0"><channel><title>Wire</title><item><title>Deep</title><description><![CDATA[${'<div>'.repeat(DEEP_LEVELS)}]]></description></item>` +
      '<item><title>Fine</title><description>The minister said on Friday that the ceasefire had held overnight.</description></item></channel></rss>',
  );
  writeFileSync(join(generated, 'long-sentence.txt'), `${longSentence(LONG_SENTENCE_WORDS)}\n`);
  const good = join(inputs, 'good');
  mkdirSync(good, { recursive: true });
  const docs = [...articles(GOOD_TEXTS + GOOD_JSONL, 4242)];
  docs.slice(0, GOOD_TEXTS).forEach((a, i) => writeFileSync(join(good, `article-${i}.txt`), `date ${a.date}\n${a.title}\n\n${a.text}\n`));
  writeFileSync(join(good, 'articles.jsonl'), `${docs.slice(GOOD_TEXTS).map((a) => JSON.stringify(a)).join('\n')}\n`);
  symlinkSync('..', join(good, 'loop'), 'dir');
  return inputs;
}

/** Inputs that must fail: path (from the inputs folder, `:line` for JSONL) and what the reason says. */
export const expectedFailures: ReadonlyArray<[string, RegExp]> = [
  ['hostile/empty.txt', /^empty file$/],
  ['hostile/empty.jsonl', /^empty file$/],
  ['hostile/whitespace-only.txt', /^empty file$/],
  ['hostile/bom-only.txt', /^empty file$/],
  ['hostile/random.bin', /^binary file$/],
  ['hostile/photo.txt', /^binary file$/],
  ['hostile/report.pdf.txt', /^binary file$/],
  ['hostile/articles.jsonl.gz', /^binary file$/],
  ['hostile/invalid-utf8.txt', /^invalid UTF-8 \(byte 0xC3 at offset \d+\) and not Windows-1252 text$/],
  ['hostile/invalid-utf8.jsonl:2', /^invalid UTF-8 \(byte 0xE9 at column \d+\)$/],
  ['hostile/billion-laughs.xml', /entity-expansion guard/],
  ['hostile/xxe.rss', /entity-expansion guard/],
  ['hostile/malformed.rss', /^malformed feed: .*\(line 1, column \d+\)$/],
  ['hostile/no-article.html', /^no article text found in HTML$/],
  ['hostile/malformed.jsonl:2', /^text: expected a string, got a number$/],
  ['hostile/malformed.jsonl:3', /^text: expected a string, got null$/],
  ['hostile/malformed.jsonl:4', /^text: expected a string, got an array$/],
  ['hostile/malformed.jsonl:5', /^text: expected a string, got an object$/],
  ['hostile/malformed.jsonl:6', /^id: expected a string, got a number$/],
  ['hostile/malformed.jsonl:7', /^date: expected a string, got a number$/],
  ['hostile/malformed.jsonl:8', /^expected a JSON object, got an array$/],
  ['hostile/malformed.jsonl:9', /^expected a JSON object, got a string$/],
  ['hostile/malformed.jsonl:10', /^expected a JSON object, got a number$/],
  ['hostile/malformed.jsonl:11', /^expected a JSON object, got null$/],
  ['hostile/malformed.jsonl:12', /^expected a JSON object, got a boolean$/],
  ['hostile/malformed.jsonl:13', /^invalid JSON: /],
  ['hostile/malformed.jsonl:14', /^invalid JSON: /],
  ['hostile/malformed.jsonl:15', /^invalid JSON: /],
  ['hostile/malformed.jsonl:16', /^invalid JSON: /],
  ['hostile/malformed.jsonl:18', /^text: must not be empty$/],
  ['hostile/malformed.jsonl:19', /^text: must not be empty$/],
  ['hostile/malformed.jsonl:20', /^text: required/],
  ['hostile/malformed.jsonl:21', /^title: expected a string, got an object$/],
  ['generated/deep.html', /^HTML nested too deeply \(100002 levels; the limit is 2000\)$/],
  ['generated/deep-unclosed.html', /^HTML nested too deeply \(100002 levels; the limit is 2000\)$/],
  ['generated/deep-item.rss#1', /^HTML nested too deeply/],
];

/** Inputs stored with a warning: path and warning code. */
export const expectedWarnings: ReadonlyArray<[string, string]> = [
  ['hostile/windows-1252.txt', 'decoded-as-windows-1252'],
  // JSON can escape half a surrogate pair; it is replaced (same length, offsets kept) and reported.
  ['hostile/lone-surrogates.jsonl:1', 'lone-surrogate'],
  ['hostile/russian.txt', 'language-not-analysed'],
  ['hostile/chinese.txt', 'language-not-analysed'],
  ['hostile/date-0000.txt', 'bad-date-header'],
  ['hostile/date-2999.txt', 'bad-date-header'],
  ['hostile/future-date.html', 'bad-date'],
  ['hostile/bad-dates.rss#1', 'bad-date'],
  ['hostile/bad-dates.rss#2', 'bad-date'],
  ...[1, 2, 3, 4, 5, 6].map((line): [string, string] => [`hostile/bad-dates.jsonl:${line}`, 'bad-date']),
  // Noise is no language the pipeline knows: stored, not analysed.
  ['generated/huge-line.txt', 'language-not-analysed'],
  ['generated/huge-line.jsonl:1', 'language-not-analysed'],
];

/** Hostile inputs that are documents after all (besides the warned ones): stored, analysed or not. */
export const expectedStored: readonly string[] = [
  'hostile/utf16le-bom.txt',
  'hostile/utf16be-bom.txt',
  'hostile/utf16le-bom.jsonl:1',
  'hostile/unbalanced-quotes.txt',
  'hostile/unicode-noise.txt',
  'hostile/invalid-utf8.jsonl:1',
  'hostile/invalid-utf8.jsonl:3',
  'hostile/malformed.jsonl:1',
  'hostile/malformed.jsonl:17',
  'hostile/malformed.jsonl:22',
  'hostile/malformed.jsonl:23',
  'hostile/malformed.jsonl:25',
  'generated/huge-line.jsonl:2',
  'generated/deep-item.rss#2',
  'generated/long-sentence.txt',
];

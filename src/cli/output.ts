/** Printing helpers shared by the commands: JSON lines, aligned tables, shortened text. */

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(headers)}\n${rows.map(line).join('\n')}${rows.length ? '\n' : ''}`);
}

export function shorten(text: string | null | undefined, max: number): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Bold markers on a TTY, plain brackets when piped. */
export function highlighter(tty: boolean): (s: string) => string {
  return tty ? (s) => `\u001b[1;33m${s}\u001b[0m` : (s) => `[${s}]`;
}

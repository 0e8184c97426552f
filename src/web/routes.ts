/**
 * Routes live in location.hash: `#/events/ID?hl=10-20`. Ids are URL-encoded path segments, so any
 * id survives the round trip and none can break out of its segment.
 */

export interface Route {
  /** Decoded path segments: `['events', 'ev-1']`. */
  path: string[];
  params: URLSearchParams;
}

export type Params = Record<string, string | number | boolean | null | undefined>;

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const pathPart = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const path = pathPart
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { path, params };
}

export function query(params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === false || value === '') continue;
    search.set(key, value === true ? '1' : String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** `route(['documents', id], { hl: '3-9' })` → `#/documents/ID?hl=3-9`. */
export function route(path: readonly string[], params: Params = {}): string {
  return `#/${path.map(encodeURIComponent).join('/')}${query(params)}`;
}

/** `hl=START-END` → the span, when it is well formed. */
export function parseSpan(value: string | null): { start: number; end: number } | null {
  const m = value ? /^(\d{1,9})-(\d{1,9})$/.exec(value) : null;
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : null;
}

export const documentRoute = (id: string, span?: { start: number; end: number }): string =>
  route(['documents', id], span ? { hl: `${span.start}-${span.end}` } : {});

/**
 * Serves the bundled web app: only regular files inside the web folder, by an allow-list of
 * extensions. A path that decodes to anything outside the folder (`..`, encoded slashes, NUL,
 * backslashes, a symlink pointing out) is a 404, never a file.
 */
import { realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { ApiError, notFound } from './errors.js';

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a request path names inside `root`, or null when it names nothing servable. */
export function resolveWebPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Only `/` or `/a/b.ext`: no empty segment, no trailing slash.
  if (decoded !== '/' && (decoded.endsWith('/') || decoded.includes('//'))) return null;
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '..' || p === '.' || p.startsWith('.'))) return null;
  const relativePath = parts.length === 0 ? 'index.html' : parts.join(sep);
  if (!(extname(relativePath).toLowerCase() in MEDIA_TYPES)) return null;
  const full = resolve(root, relativePath);
  const inside = relative(root, full);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return full;
}

export function webHandler(webDir: string): (c: Context) => Promise<Response> {
  const root = resolve(webDir);
  let realRoot: string | null = null;
  return async (c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      throw new ApiError(405, 'method_not_allowed', `${c.req.method} is not allowed here`, { headers: { Allow: 'GET, HEAD' } });
    }
    const pathname = new URL(c.req.url).pathname;
    const file = resolveWebPath(root, pathname);
    if (file === null) throw notFound(`nothing at ${pathname}`);
    try {
      realRoot ??= realpathSync(root);
      // A symlink inside the folder must not lead out of it.
      const real = await realpath(file);
      if (!real.startsWith(realRoot + sep)) throw notFound(`nothing at ${pathname}`);
      const info = await stat(real);
      if (!info.isFile()) throw notFound(`nothing at ${pathname}`);
      const body = await readFile(real);
      c.header('Content-Type', MEDIA_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream');
      c.header('Cache-Control', extname(real) === '.html' ? 'no-cache' : 'public, max-age=300');
      return c.req.method === 'HEAD' ? c.body(null) : c.body(body);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && pathname === '/') {
        throw notFound(`the web app is not built (no ${join(root, 'index.html')}): run npm run build`);
      }
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') throw notFound(`nothing at ${pathname}`);
      throw error;
    }
  };
}

/**
 * What every response carries (CSP and friends), what every write must show (the token, a same-origin
 * request) and which Host names a loopback server answers to (so a DNS-rebound page cannot read it).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/** No inline script or style anywhere: the app builds its DOM from its own bundled script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** `Authorization: Bearer <token>`: missing is 401, wrong is 403; compared in constant time. */
export function requireToken(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined || header.trim() === '') {
      throw new ApiError(401, 'unauthorized', 'this server requires a token for writes: send Authorization: Bearer <token>', {
        headers: { 'WWW-Authenticate': 'Bearer realm="rashomon"' },
      });
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      throw new ApiError(403, 'forbidden', 'the token given is not the one this server was started with');
    }
    await next();
  };
}

/**
 * A write from a page of another origin is refused. Browsers always send Origin (or Sec-Fetch-Site)
 * on cross-origin POSTs; clients such as curl send neither and are let through (the token guards them).
 */
export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== new URL(c.req.url).origin) {
      throw new ApiError(403, 'forbidden', `cross-origin write from ${origin} refused`);
    }
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new ApiError(403, 'forbidden', `cross-site write (Sec-Fetch-Site: ${site}) refused`);
    }
    await next();
  };
}

/** The host name of a Host header: `[::1]:8080` → `[::1]`, `localhost:80` → `localhost`. */
export function hostName(header: string): string {
  const trimmed = header.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(0, trimmed.indexOf(']') + 1);
  const colon = trimmed.indexOf(':');
  return colon < 0 ? trimmed : trimmed.slice(0, colon);
}

export function allowHosts(hosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = hostName(c.req.header('host') ?? new URL(c.req.url).host);
    if (!allowed.has(host)) {
      throw new ApiError(403, 'forbidden', `host '${host}' is not one this server answers to`);
    }
    await next();
  };
}

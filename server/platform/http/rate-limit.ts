import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ApiError as ApiErrorBody } from '../../../shared/api/errors.ts';
import { messages } from '../messages.ts';

export interface RateLimitOptions {
  /** Requests allowed per client in one window. */
  limit: number;
  windowMs: number;
  /** The client a request counts against; the peer's IP address by default. */
  key?: (c: Context) => string;
  /** The clock, for tests. */
  now?: () => number;
  /** The answer once the limit is reached; a JSON error of the API by default. */
  onLimited?: (c: Context, seconds: number) => Response | Promise<Response>;
}

/**
 * The address of the peer of the TCP connection. Behind a reverse proxy
 * that is the proxy: X-Forwarded-For is not read, because any client can
 * write it. Under `app.request` (tests) there is no socket, so every
 * request counts against one key.
 */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

/**
 * Fixed-window counters by key, kept in memory: `hit` counts one request
 * and answers how many seconds the key must wait once it is over `limit` in
 * the window (undefined while it is within). For limits whose key is known
 * only inside a handler (a connection code in the body).
 */
export function fixedWindows({ limit, windowMs, now = Date.now }: Pick<RateLimitOptions, 'limit' | 'windowMs' | 'now'>) {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    hit(client: string): number | undefined {
      const at = now();
      if (at - lastSweep >= windowMs) {
        // Forget clients whose window is over, so the map does not grow without end.
        for (const [key, window] of windows) if (at - window.start >= windowMs) windows.delete(key);
        lastSweep = at;
      }
      let window = windows.get(client);
      if (!window || at - window.start >= windowMs) {
        window = { start: at, count: 0 };
        windows.set(client, window);
      }
      window.count++;
      return window.count > limit ? Math.max(1, Math.ceil((window.start + windowMs - at) / 1000)) : undefined;
    },
  };
}

/**
 * A fixed-window limit per client, kept in memory: after `limit` requests
 * in a window the client gets 429 with a sentence and Retry-After until the
 * window ends. Counters live in one process and start afresh on restart,
 * which is enough to slow down guessing of codes and passwords.
 */
export function rateLimit({ limit, windowMs, key = clientIp, now = Date.now, onLimited }: RateLimitOptions) {
  const counter = fixedWindows({ limit, windowMs, now });
  return createMiddleware(async (c, next) => {
    const seconds = counter.hit(key(c));
    if (seconds !== undefined) {
      c.header('Retry-After', String(seconds));
      if (onLimited) return onLimited(c, seconds);
      return c.json({ error: { code: 'too_many_requests', message: messages.rateLimit.tooMany(seconds) } } satisfies ApiErrorBody, 429);
    }
    await next();
  });
}

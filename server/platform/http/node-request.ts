import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';

/**
 * Under @hono/node-server, `c.req` is a thin wrapper over the Node request
 * that builds a web `Headers` object (validating every header) the first
 * time any header is read, and a web `Request` with a body stream the first
 * time the body is. On the API's hot path both cost more than the framework
 * work around them, so these helpers read the Node request directly when
 * there is one, and go through `c.req` elsewhere (tests' `app.request`,
 * other runtimes).
 */
export function nodeRequest(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}

/** The Node response the adapter will write the answer to, when there is one. */
export function nodeResponse(c: Context): ServerResponse | undefined {
  return (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
}

/** A request header by its lower-case name; repeated headers are joined with ", " as `Headers.get` does. */
export function requestHeader(c: Context, name: Lowercase<string>): string | undefined {
  const incoming = nodeRequest(c);
  if (!incoming) return c.req.header(name);
  return incoming.headersDistinct[name]?.join(', ');
}

const utf8 = new TextDecoder();

/** The request body as text; a leading BOM is dropped, as the fetch API's `text()` does. */
export function requestText(c: Context): Promise<string> {
  const incoming = nodeRequest(c);
  if (!incoming || incoming.readableEnded || incoming.readableDidRead) return c.req.text();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => resolve(utf8.decode(Buffer.concat(chunks))));
    incoming.once('error', reject);
    // A client that goes away mid-body: settle rather than keep the request waiting forever.
    // (Checked first: 'close' follows every 'end', and an Error is costly to make.)
    incoming.once('close', () => incoming.readableEnded || reject(new Error('the request closed before its body ended')));
  });
}

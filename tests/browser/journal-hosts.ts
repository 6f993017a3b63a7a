import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/*
 * Journals at their real host names, in real Chromium: a small HTTPS server
 * on loopback with a certificate made for the run, and Chromium told to
 * resolve the journals' hosts to it (--host-resolver-rules) and to accept
 * that one certificate (--ignore-certificate-errors-spki-list, by its public
 * key's hash). The page's origin is then exactly the journal's
 * (https://sgo.e-mordovia.ru), so the extension's match patterns, host
 * permissions, same-origin requests and cookies behave as on the real site.
 */

export const fixturesDir = path.resolve(import.meta.dirname, 'fixtures');

export interface JournalRequest {
  host: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface JournalAnswer {
  status?: number;
  type?: string;
  body: string;
  headers?: Record<string, string>;
  /** Answer this much later (a journal's slow XHR). */
  delayMs?: number;
}

/** One page or endpoint of a journal: a host, a path (exact, or a regex on path and query) and the answer. */
export interface JournalRoute {
  host: string;
  path: string | RegExp;
  method?: 'GET' | 'POST';
  answer: JournalAnswer | ((request: JournalRequest) => JournalAnswer);
}

/** A fixture page (tests/browser/fixtures/<name>) as an answer. */
export function page(fixture: string, headers: Record<string, string> = {}): JournalAnswer {
  return { type: 'text/html; charset=utf-8', body: fs.readFileSync(path.join(fixturesDir, fixture), 'utf8'), headers };
}

export interface JournalHosts {
  /** The flags Chromium needs to reach these hosts here and trust the certificate. */
  args: string[];
  /** Every request the journals got, in order. */
  requests: JournalRequest[];
  close(): Promise<void>;
}

/** A self-signed certificate for the hosts (and their subdomains), made with openssl; and its public key's SHA-256, base64. */
function makeCertificate(hosts: string[]): { key: string; cert: string; spki: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profrost-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    const names = [...new Set(hosts.flatMap((host) => [host, `*.${host}`]))].map((name) => `DNS:${name}`).join(',');
    execFileSync(
      '/usr/bin/openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=profrost-test-journals',
        '-addext',
        `subjectAltName=${names}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'pipe' },
    );
    const cert = fs.readFileSync(certFile, 'utf8');
    const spkiDer = crypto.createPublicKey(cert).export({ type: 'spki', format: 'der' });
    return { key: fs.readFileSync(keyFile, 'utf8'), cert, spki: crypto.createHash('sha256').update(spkiDer).digest('base64') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function matches(route: JournalRoute, request: JournalRequest): boolean {
  if (route.host !== request.host || (route.method ?? 'GET') !== request.method) return false;
  return typeof route.path === 'string' ? route.path === request.path.split('?')[0] : route.path.test(request.path);
}

/** Serves `routes` over HTTPS on a loopback port; anything else is a 404. */
export async function startJournalHosts(routes: JournalRoute[]): Promise<JournalHosts> {
  const hosts = [...new Set(routes.map((route) => route.host))];
  const { key, cert, spki } = makeCertificate(hosts);
  const requests: JournalRequest[] = [];
  const server = https.createServer({ key, cert }, (incoming, response) => {
    const request: JournalRequest = {
      host: (incoming.headers.host ?? '').replace(/:\d+$/, ''),
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      headers: incoming.headers,
    };
    requests.push(request);
    incoming.resume();
    const route = routes.find((candidate) => matches(candidate, request));
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const answer = typeof route.answer === 'function' ? route.answer(request) : route.answer;
    const send = () =>
      response
        .writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'application/json; charset=utf-8', 'cache-control': 'no-store', ...answer.headers })
        .end(answer.body);
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const rules = hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  return {
    args: [`--host-resolver-rules=${rules}`, `--ignore-certificate-errors-spki-list=${spki}`],
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

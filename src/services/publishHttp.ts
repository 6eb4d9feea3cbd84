// The one place cross-posting touches the network. Plain Node, no `vscode`, so it can be
// tested against a local server and a local proxy.

import * as http from 'node:http';
import * as https from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { HttpAnswer } from '../core/publish/remote';

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  /** Serialised as JSON with `content-type: application/json`. */
  json?: unknown;
  timeoutMs: number;
  /** Proxy URL, e.g. `http://proxy:3128`; undefined connects directly. */
  proxy?: string;
  /** false accepts any certificate, as the editor's `http.proxyStrictSSL: false` does. */
  strictSSL?: boolean;
}

/** A request that never got an HTTP answer. */
export class TransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    message: string,
  ) {
    super(message);
  }
}

const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

export function sendRequest(request: HttpRequest): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      reject(new TransportError('network', `"${request.url}" is not a URL; check the endpoint setting.`));
      return;
    }
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') {
      reject(new TransportError('network', `${url.protocol} endpoints are not supported; use https:// (or http:// for a local test server).`));
      return;
    }
    const body = request.json === undefined ? undefined : Buffer.from(JSON.stringify(request.json), 'utf8');
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'DevRel-Desk', ...request.headers };
    if (body) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(body.length);
    }
    const rejectUnauthorized = request.strictSSL !== false;
    const agent = request.proxy ? new HttpsProxyAgent(request.proxy, { rejectUnauthorized }) : undefined;
    const options: https.RequestOptions = { method: request.method, headers, agent, rejectUnauthorized: secure ? rejectUnauthorized : undefined };
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const req = (secure ? https : http).request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          req.destroy();
          finish(() => reject(new TransportError('network', `${url.host} sent more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB; stopped reading.`)));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })));
      res.on('error', (error) => finish(() => reject(new TransportError('network', `The connection to ${url.host} broke: ${error.message}.`))));
    });
    // One deadline for the whole exchange, so a server that trickles bytes can't hold a publish open.
    const timer = setTimeout(() => {
      finish(() => reject(new TransportError('timeout', `${url.host} did not answer within ${Math.round(request.timeoutMs / 1000)} s.`)));
      req.destroy();
    }, request.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish(() => reject(new TransportError('network', describeNetworkError(url.host, request.proxy, error)))));
    req.end(body);
  });
}

function describeNetworkError(host: string, proxy: string | undefined, error: NodeJS.ErrnoException): string {
  const via = proxy ? ` through the proxy ${new URL(proxy).host}` : '';
  switch (error.code) {
    case 'ECONNREFUSED':
      return `${host} refused the connection${via}; is the service up and the endpoint setting right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${host} could not be found${via}; check your network connection.`;
    case 'ECONNRESET':
      return `The connection to ${host}${via} was reset.`;
    default:
      return `${host} could not be reached${via}: ${error.message}.`;
  }
}

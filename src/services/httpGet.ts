// A small HTTP GET on Node's http and https modules, with proxies, a timeout, a size cap and a
// few redirects. It does not import `vscode`: the caller reads the proxy settings and passes them.
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { bypassesProxy } from '../core/publish/proxy';

export interface HttpGetOptions {
  timeoutMs: number;
  maxBytes: number;
  /** `http://[user:pass@]host:port`; undefined goes direct. */
  proxy?: string;
  /** Hosts that skip the proxy, as in NO_PROXY: `example.org`, `.example.org`, `*`. */
  noProxy?: string[];
  /** Check the server's certificate (VS Code's `http.proxyStrictSSL`). */
  strictSSL?: boolean;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const MAX_REDIRECTS = 3;

/** The proxy to use: VS Code's `http.proxy` first, then the usual environment variables. */
export function proxyFor(url: string, setting: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const target = new URL(url);
  if (isLoopback(target.hostname)) return undefined;
  const fromEnv = target.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  const proxy = setting?.trim() || fromEnv?.trim();
  return proxy || undefined;
}

export function noProxyList(env: NodeJS.ProcessEnv, setting: readonly string[] = []): string[] {
  const fromEnv = (env.NO_PROXY ?? env.no_proxy ?? '').split(',');
  return [...setting, ...fromEnv].map((h) => h.trim().toLowerCase()).filter(Boolean);
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Fetches a URL's body as text. Rejects with an HttpError that says what went wrong. */
export async function httpGet(url: string, options: HttpGetOptions): Promise<string> {
  let current = url;
  for (let redirect = 0; ; redirect++) {
    const response = await requestOnce(current, options);
    if (response.location !== undefined) {
      if (redirect >= MAX_REDIRECTS) throw new HttpError(`too many redirects from ${url}`);
      current = new URL(response.location, current).toString();
      if (!/^https?:$/.test(new URL(current).protocol)) throw new HttpError(`a redirect led to ${current}, which is not http(s)`);
      continue;
    }
    return response.body;
  }
}

function requestOnce(url: string, options: HttpGetOptions): Promise<{ body: string; location?: string }> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  if (!secure && target.protocol !== 'http:') return Promise.reject(new HttpError(`${url} is not an http(s) address`));
  const proxy =
    options.proxy &&
    !bypassesProxy(target.hostname, target.port || (target.protocol === 'https:' ? '443' : '80'), (options.noProxy ?? []).join(',')) &&
    !isLoopback(target.hostname)
      ? new URL(options.proxy)
      : undefined;
  const headers: Record<string, string> = { 'User-Agent': 'DevRel-Desk', Accept: 'application/json', ...options.headers };
  const proxyAuth = proxy && proxy.username ? `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}` : undefined;

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error instanceof HttpError ? error : new HttpError(error.message));
    };
    const succeed = (value: { body: string; location?: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const requests: http.ClientRequest[] = [];
    const timer = setTimeout(() => {
      fail(new HttpError(`no answer from ${target.host} within ${Math.round(options.timeoutMs / 1000)} s`));
      for (const request of requests) request.destroy();
    }, options.timeoutMs);

    const onResponse = (response: http.IncomingMessage): void => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        succeed({ body: '', location: response.headers.location });
        return;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        fail(new HttpError(`${target.host} answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`, status));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          fail(new HttpError(`${url} is larger than ${Math.round(options.maxBytes / 1_048_576)} MB`));
          response.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => succeed({ body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', fail);
    };

    const path = `${target.pathname}${target.search}`;
    if (!proxy) {
      const request = (secure ? https : http).request(url, { method: 'GET', headers, rejectUnauthorized: options.strictSSL !== false }, onResponse);
      requests.push(request);
      request.on('error', fail);
      request.end();
    } else if (!secure) {
      // A plain http URL goes to the proxy as an absolute URL.
      const request = http.request(
        {
          host: proxy.hostname,
          port: proxy.port || 80,
          method: 'GET',
          path: url,
          headers: { ...headers, Host: target.host, ...(proxyAuth ? { 'Proxy-Authorization': proxyAuth } : {}) },
        },
        onResponse,
      );
      requests.push(request);
      request.on('error', fail);
      request.end();
    } else {
      // https through the proxy: a CONNECT tunnel, then TLS with the real host inside it.
      const port = target.port || '443';
      const connect = http.request({
        host: proxy.hostname,
        port: proxy.port || 80,
        method: 'CONNECT',
        path: `${target.hostname}:${port}`,
        headers: { Host: `${target.hostname}:${port}`, ...(proxyAuth ? { 'Proxy-Authorization': proxyAuth } : {}) },
      });
      requests.push(connect);
      connect.on('error', fail);
      connect.on('connect', (response: http.IncomingMessage, socket: Duplex) => {
        if (response.statusCode !== 200) {
          socket.destroy();
          fail(new HttpError(`the proxy ${proxy.host} refused the connection to ${target.host} (${response.statusCode})`));
          return;
        }
        const request = https.request(
          {
            host: target.hostname,
            port,
            path,
            method: 'GET',
            headers,
            createConnection: () => tls.connect({ socket, servername: target.hostname, rejectUnauthorized: options.strictSSL !== false }),
          },
          onResponse,
        );
        requests.push(request);
        request.on('error', fail);
        request.end();
      });
      connect.end();
    }
  });
}

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { httpGet, noProxyList, proxyFor } from '../../src/services/httpGet';

const TLS_DIR = path.join(__dirname, '..', 'fixtures', 'tls');

const sockets = new Set<net.Socket>();

function listen(server: net.Server): Promise<number> {
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

const OPTIONS = { timeoutMs: 2000, maxBytes: 1_000_000 };

describe('httpGet', () => {
  let origin: http.Server;
  let originPort = 0;
  let secure: https.Server;
  let securePort = 0;
  let proxy: http.Server;
  let proxyPort = 0;
  const proxied: string[] = [];

  before(async () => {
    const handler = (request: http.IncomingMessage, response: http.ServerResponse): void => {
      if (request.url === '/feed.json') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('[{"ok":true}]');
      } else if (request.url === '/moved') {
        response.writeHead(302, { Location: '/feed.json' });
        response.end();
      } else if (request.url === '/loop') {
        response.writeHead(302, { Location: '/loop' });
        response.end();
      } else if (request.url === '/big') {
        response.writeHead(200);
        response.end('x'.repeat(2_000_000));
      } else if (request.url === '/slow') {
        setTimeout(() => response.end('late'), 5000).unref();
      } else {
        response.writeHead(404, 'Not Found');
        response.end();
      }
    };
    origin = http.createServer(handler);
    originPort = await listen(origin);
    secure = https.createServer({ key: fs.readFileSync(path.join(TLS_DIR, 'feeds-test-key.pem')), cert: fs.readFileSync(path.join(TLS_DIR, 'feeds-test-cert.pem')) }, handler);
    securePort = await listen(secure);
    // A forward proxy that knows `feeds.test` as this machine: plain requests by absolute URL, https by CONNECT.
    proxy = http.createServer((request, response) => {
      proxied.push(`GET ${request.url} auth=${request.headers['proxy-authorization'] ?? ''}`);
      const target = new URL(request.url ?? '/');
      const forward = http.request({ host: '127.0.0.1', port: originPort, path: target.pathname, method: 'GET' }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      forward.end();
    });
    proxy.on('connect', (request: http.IncomingMessage, socket: net.Socket) => {
      proxied.push(`CONNECT ${request.url}`);
      const upstream = net.connect(securePort, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      sockets.add(upstream);
      sockets.add(socket);
    });
    proxyPort = await listen(proxy);
  });

  after(async () => {
    // Tunnels and the slow request keep sockets open; the servers close only once they are gone.
    const closing = Promise.all([close(origin), close(secure), close(proxy)]);
    for (const socket of sockets) socket.destroy();
    await closing;
  });

  it('fetches a body and follows a redirect', async () => {
    assert.equal(await httpGet(`http://127.0.0.1:${originPort}/feed.json`, OPTIONS), '[{"ok":true}]');
    assert.equal(await httpGet(`http://127.0.0.1:${originPort}/moved`, OPTIONS), '[{"ok":true}]');
  });

  it('says what went wrong: a status, a redirect loop, a size cap, a timeout, a refused connection', async () => {
    await assert.rejects(httpGet(`http://127.0.0.1:${originPort}/missing`, OPTIONS), /answered 404 Not Found/);
    await assert.rejects(httpGet(`http://127.0.0.1:${originPort}/loop`, OPTIONS), /too many redirects/);
    await assert.rejects(httpGet(`http://127.0.0.1:${originPort}/big`, OPTIONS), /larger than 1 MB/);
    await assert.rejects(httpGet(`http://127.0.0.1:${originPort}/slow`, { ...OPTIONS, timeoutMs: 300 }), /no answer from 127\.0\.0\.1:\d+ within 0 s/);
    const unused = net.createServer();
    const port = await listen(unused);
    await close(unused);
    await assert.rejects(httpGet(`http://127.0.0.1:${port}/feed.json`, OPTIONS), /ECONNREFUSED/);
    await assert.rejects(httpGet('ftp://127.0.0.1/feed.json', OPTIONS), /not an http\(s\) address/);
  });

  it('goes through a proxy for plain http, with its credentials', async () => {
    proxied.length = 0;
    const body = await httpGet(`http://feeds.test:${originPort}/feed.json`, { ...OPTIONS, proxy: `http://user:p%40ss@127.0.0.1:${proxyPort}` });
    assert.equal(body, '[{"ok":true}]');
    assert.deepEqual(proxied, [`GET http://feeds.test:${originPort}/feed.json auth=Basic ${Buffer.from('user:p@ss').toString('base64')}`]);
  });

  it('tunnels https through a proxy, checking the certificate unless told not to', async () => {
    proxied.length = 0;
    const url = `https://feeds.test:${securePort}/feed.json`;
    assert.equal(await httpGet(url, { ...OPTIONS, proxy: `http://127.0.0.1:${proxyPort}`, strictSSL: false }), '[{"ok":true}]');
    assert.deepEqual(proxied, [`CONNECT feeds.test:${securePort}`]);
    await assert.rejects(httpGet(url, { ...OPTIONS, proxy: `http://127.0.0.1:${proxyPort}`, strictSSL: true }), /self[- ]signed/i);
  });

  it('skips the proxy for loopback and NO_PROXY hosts', async () => {
    proxied.length = 0;
    assert.equal(await httpGet(`http://127.0.0.1:${originPort}/feed.json`, { ...OPTIONS, proxy: `http://127.0.0.1:${proxyPort}` }), '[{"ok":true}]');
    assert.deepEqual(proxied, []);
    await assert.rejects(
      httpGet(`http://feeds.test:${originPort}/feed.json`, { ...OPTIONS, proxy: `http://127.0.0.1:${proxyPort}`, noProxy: ['.test'] }),
      /ENOTFOUND|EAI_AGAIN|getaddrinfo/,
      'went direct, where feeds.test does not resolve',
    );
    assert.deepEqual(proxied, []);
  });

  it('picks the proxy from the setting first, then the environment', () => {
    const env = { HTTPS_PROXY: 'http://env-secure:3128', http_proxy: 'http://env-plain:3128', NO_PROXY: 'internal.example, .corp' };
    assert.equal(proxyFor('https://feeds.example.org/x', undefined, env), 'http://env-secure:3128');
    assert.equal(proxyFor('http://feeds.example.org/x', undefined, env), 'http://env-plain:3128');
    assert.equal(proxyFor('https://feeds.example.org/x', 'http://setting:8080', env), 'http://setting:8080');
    assert.equal(proxyFor('http://localhost:8080/x', 'http://setting:8080', env), undefined);
    assert.equal(proxyFor('https://feeds.example.org/x', '', {}), undefined);
    assert.deepEqual(noProxyList(env, ['a.example']), ['a.example', 'internal.example', '.corp']);
  });
});

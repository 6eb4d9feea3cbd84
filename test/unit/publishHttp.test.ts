import assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { proxyFor, redact, redactUrl } from '../../src/core/publish/proxy';
import { sendRequest, TransportError } from '../../src/services/publishHttp';

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('publish transport', () => {
  const received: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const sockets = new Set<net.Socket>();
  let server: http.Server;
  let port: number;

  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.url === '/hang') return; // never answers
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 7, echo: body ? JSON.parse(body) : null }));
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    port = await listen(server);
  });

  after(async () => {
    for (const socket of sockets) socket.destroy();
    await close(server);
  });

  it('sends JSON with the given headers and reads the answer', async () => {
    const answer = await sendRequest({
      url: `http://127.0.0.1:${port}/api/articles`,
      method: 'POST',
      headers: { 'api-key': 'k-123' },
      json: { article: { title: 'é' } },
      timeoutMs: 5000,
    });
    assert.equal(answer.status, 201);
    assert.deepEqual(JSON.parse(answer.body), { id: 7, echo: { article: { title: 'é' } } });
    const last = received[received.length - 1];
    assert.equal(last.method, 'POST');
    assert.equal(last.headers['api-key'], 'k-123');
    assert.equal(last.headers['content-type'], 'application/json');
    assert.equal(Number(last.headers['content-length']), Buffer.byteLength(last.body));
  });

  it('times out a server that never answers', async () => {
    await assert.rejects(
      sendRequest({ url: `http://127.0.0.1:${port}/hang`, method: 'GET', headers: {}, timeoutMs: 300 }),
      (error: unknown) => error instanceof TransportError && error.kind === 'timeout' && /did not answer within 0 s|within/.test(error.message),
    );
  });

  it('says clearly when nothing listens', async () => {
    const closed = net.createServer();
    const freePort = await listen(closed);
    await close(closed);
    await assert.rejects(
      sendRequest({ url: `http://127.0.0.1:${freePort}/`, method: 'GET', headers: {}, timeoutMs: 2000 }),
      (error: unknown) => error instanceof TransportError && error.kind === 'network' && /refused the connection/.test(error.message),
    );
  });

  it('goes through a proxy when given one', async () => {
    const tunnels: string[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const [host, targetPort] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(targetPort), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    const proxyPort = await listen(proxy);
    try {
      const answer = await sendRequest({ url: `http://127.0.0.1:${port}/via-proxy`, method: 'GET', headers: {}, timeoutMs: 5000, proxy: `http://127.0.0.1:${proxyPort}` });
      assert.equal(answer.status, 201);
      assert.deepEqual(tunnels, [`127.0.0.1:${port}`]);
      assert.equal(received[received.length - 1].url, '/via-proxy');
    } finally {
      proxy.closeAllConnections?.();
      await close(proxy);
    }
  });

  describe('proxyFor', () => {
    it('prefers the editor setting, then HTTPS_PROXY, and adds a missing scheme', () => {
      assert.equal(proxyFor('https://dev.to/api', { setting: 'http://corp:3128', env: { HTTPS_PROXY: 'http://env:1' } }), 'http://corp:3128/');
      assert.equal(proxyFor('https://dev.to/api', { setting: '', env: { https_proxy: 'env:8080' } }), 'http://env:8080/');
      assert.equal(proxyFor('http://plain.example/api', { env: { HTTPS_PROXY: 'http://s:1', HTTP_PROXY: 'http://p:2' } }), 'http://p:2/');
      assert.equal(proxyFor('https://dev.to/api', { env: {} }), undefined);
    });

    it('goes direct for loopback addresses and NO_PROXY hosts', () => {
      const env = { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'internal.example, .corp.example,gql.hashnode.com:443' };
      assert.equal(proxyFor('http://127.0.0.1:5000/api', { env }), undefined);
      assert.equal(proxyFor('http://localhost:5000/api', { env }), undefined);
      assert.equal(proxyFor('https://internal.example/x', { env }), undefined);
      assert.equal(proxyFor('https://forem.corp.example/x', { env }), undefined);
      assert.equal(proxyFor('https://gql.hashnode.com/', { env }), undefined);
      assert.equal(proxyFor('https://dev.to/api', { env }), 'http://proxy:3128/');
      assert.equal(proxyFor('https://dev.to/api', { env: { ...env, no_proxy: '*', NO_PROXY: undefined } }), undefined);
    });

    it("goes direct for the editor's http.noProxy hosts too", () => {
      const env = { HTTPS_PROXY: 'http://proxy:3128' };
      assert.equal(proxyFor('https://forem.corp.example/api', { env, noProxy: ['.corp.example'] }), undefined);
      assert.equal(proxyFor('https://dev.to/api', { env, noProxy: ['dev.to:8443'] }), 'http://proxy:3128/', 'another port still goes through the proxy');
      assert.equal(proxyFor('https://dev.to/api', { env, noProxy: ['DEV.TO'] }), undefined);
      assert.equal(proxyFor('https://dev.to/api', { env, noProxy: [] }), 'http://proxy:3128/');
    });
  });

  it('redacts keys and proxy passwords from what is logged', () => {
    assert.equal(redact('request with key sk-live-123456 failed: sk-live-123456', ['sk-live-123456']), 'request with key *** failed: ***');
    assert.equal(redactUrl('http://user:secret@proxy:3128/'), 'http://***:***@proxy:3128/');
  });
});

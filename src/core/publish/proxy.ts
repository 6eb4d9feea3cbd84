// Which proxy a request goes through: the editor's `http.proxy` setting first, then the usual
// environment variables, with NO_PROXY and loopback addresses going direct.

export interface ProxyInputs {
  /** The editor's `http.proxy` setting; empty when unset. */
  setting?: string;
  /** Process environment, for HTTPS_PROXY, HTTP_PROXY and NO_PROXY in either case. */
  env: Readonly<Record<string, string | undefined>>;
  /** The editor's `http.noProxy` setting: hosts that go direct, on top of NO_PROXY. */
  noProxy?: readonly string[];
}

/** The proxy URL to use for `target`, or undefined to connect directly. */
export function proxyFor(target: string, inputs: ProxyInputs): string | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLoopback(host)) return undefined;
  const env = (name: string): string | undefined => inputs.env[name] ?? inputs.env[name.toLowerCase()];
  const rules = [...(inputs.noProxy ?? []), env('NO_PROXY') ?? ''].join(',');
  if (bypassesProxy(host, url.port || (url.protocol === 'https:' ? '443' : '80'), rules)) return undefined;
  const setting = inputs.setting?.trim();
  const candidate = setting || (url.protocol === 'https:' ? env('HTTPS_PROXY') || env('HTTP_PROXY') : env('HTTP_PROXY'));
  if (!candidate) return undefined;
  // `proxy:8080` without a scheme is how many people write it.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(candidate) ? candidate : `http://${candidate}`;
  try {
    const proxy = new URL(withScheme);
    return proxy.protocol === 'http:' || proxy.protocol === 'https:' ? proxy.toString() : undefined;
  } catch {
    return undefined;
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
}

/** NO_PROXY and `http.noProxy`: comma- or space-separated hosts, `.domain` suffixes, `host:port`, or `*`. */
export function bypassesProxy(host: string, port: string, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  host = host.replace(/^\[|\]$/g, '').toLowerCase();
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const [name, entryPort] = entry.startsWith('[') ? [entry.slice(1, entry.indexOf(']')), entry.split(']:')[1]] : entry.split(':');
    if (entryPort && entryPort !== port) continue;
    const bare = name.replace(/^\*?\./, '');
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}

/** A URL with any password or token in it replaced, for logs. */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    if (url.username) url.username = '***';
    return url.toString();
  } catch {
    return text;
  }
}

/** Replaces every occurrence of the secrets in `text`, so nothing logged can carry a key. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}

/**
 * A static HTTP server on 127.0.0.1 for test pages. It records every request it receives, so a
 * test can assert that nothing but the navigations it made reached the network.
 */

import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface TestServer {
  origin: string;
  /** Paths requested so far, in order. */
  hits: string[];
  /** Serves `body` at `route` (overrides files). */
  route(route: string, body: string, type?: string): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves files below `roots` (first match wins) plus explicit routes. */
export function startServer(...roots: string[]): Promise<TestServer> {
  return serve(roots, {});
}

/**
 * The same, cross-origin isolated (COOP + COEP), so `performance.now()` in the pages has 5 µs
 * resolution instead of 100 µs: the bench times sub-millisecond passes on news pages.
 */
export function startIsolatedServer(...roots: string[]): Promise<TestServer> {
  return serve(roots, {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
}

async function serve(roots: string[], extra: Record<string, string>): Promise<TestServer> {
  const hits: string[] = [];
  const routes = new Map<string, { body: string; type: string }>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.push(url.pathname);
    const routed = routes.get(url.pathname);
    if (routed) {
      res.writeHead(200, { ...extra, 'content-type': routed.type, 'cache-control': 'no-store' });
      res.end(routed.body);
      return;
    }
    for (const root of roots) {
      const file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(path.resolve(root))) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          ...extra,
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(body);
        return;
      } catch {
        // try the next root
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    route(route, body, type = 'text/html; charset=utf-8') {
      routes.set(route, { body, type });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A proxy that answers nothing: Firefox is pointed at it for every non-local request, so each
 * request that would have left the machine is recorded here instead (Firefox's remote agent does
 * not report requests from extension contexts, so the page-side events alone cannot prove zero).
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxyTrap {
  port: number;
  /** "CONNECT host:443" or "GET http://…", in order. */
  seen: string[];
  close(): Promise<void>;
}

export async function startProxyTrap(): Promise<ProxyTrap> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(502);
    res.end();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Firefox's own infrastructure (remote settings, telemetry, updates): not the extension. */
const BROWSER_INFRA = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|mozgcp\.net)(:\d+)?$/;

export function hostOf(line: string): string {
  const target = line.split(' ')[1] ?? '';
  try {
    return target.includes('://') ? new URL(target).host : target;
  } catch {
    return target;
  }
}

/** The trapped requests that the browser itself does not explain. */
export function nonBrowserRequests(trap: ProxyTrap): string[] {
  return trap.seen.filter((line) => !BROWSER_INFRA.test(hostOf(line)));
}

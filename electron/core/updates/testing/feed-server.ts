// A loopback update feed for the tests: a folder of files the test changes between requests
// (publish, pull, replace), plus misbehaviours a broken or hostile server could show.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedEntry =
  | Buffer
  | { redirect: string }
  | { status: number }
  /** Headers sent, then nothing: a server that never finishes. */
  | { hang: true }
  /** Streams this many bytes without a Content-Length. */
  | { stream: number }
  /** Declares this Content-Length (and sends a few bytes). */
  | { declare: number };

export interface FeedServer {
  /** The feed folder, e.g. http://127.0.0.1:5123/infomat/ */
  url: string;
  files: Map<string, FeedEntry>;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

const PREFIX = '/infomat/';

export async function startFeedServer(): Promise<FeedServer> {
  const files = new Map<string, FeedEntry>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const entry = path.startsWith(PREFIX) ? files.get(path.slice(PREFIX.length)) : undefined;
    if (entry === undefined) return void res.writeHead(404).end('not found');
    if (Buffer.isBuffer(entry)) return void res.writeHead(200, { 'content-type': 'text/yaml', 'content-length': entry.length }).end(entry);
    if ('redirect' in entry) return void res.writeHead(302, { location: entry.redirect }).end();
    if ('status' in entry) return void res.writeHead(entry.status).end();
    if ('hang' in entry) return void res.writeHead(200, { 'content-type': 'text/yaml' }).write('version: ');
    if ('declare' in entry) return void res.writeHead(200, { 'content-length': entry.declare }).write('version: ');
    res.writeHead(200, { 'content-type': 'text/yaml' });
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < entry.stream) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = entry.stream));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${PREFIX}`,
    files,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

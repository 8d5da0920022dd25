import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on another origin that answers whether it got an Authorization header (and records it). */
export async function startEcho() {
  const seen: Array<{ method: string; authorization: boolean }> = [];
  const server: Server = createServer((req, res) => {
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
      'Access-Control-Allow-Methods': 'GET, POST',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const authorization = req.headers.authorization !== undefined;
    seen.push({ method: req.method ?? '', authorization });
    res
      .writeHead(200, { ...cors, 'Content-Type': 'application/json' })
      .end(JSON.stringify({ authorization }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

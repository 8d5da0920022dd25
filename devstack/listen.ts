import type { Server } from 'node:http';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Binds a server to 127.0.0.1 (one host name everywhere: storage and CORS are per origin). */
export function listen(server: Server, port: number, name: string): Promise<Listening> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} (the ${name}) is busy: stop what uses it, or choose another port.`)
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://127.0.0.1:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

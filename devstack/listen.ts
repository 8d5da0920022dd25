import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** e.g. http://127.0.0.1:8180 */
  url: string;
  port: number;
  /** Stops accepting connections and drops the open ones (keep-alive, slow requests). */
  close(): Promise<void>;
}

/**
 * Binds a devstack server to 127.0.0.1 only (port 0 picks a free one). A busy port fails with a
 * message that says which server and what to do.
 */
export function listen(server: Server, port: number, name = 'server'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} (the ${name}) is busy: stop what uses it, or choose another port.`, {
              cause: error,
            })
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const bound = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${bound}`,
        port: bound,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

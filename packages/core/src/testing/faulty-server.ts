import { type AddressInfo, createServer, type Socket } from 'node:net';

/** A loopback TCP server that misbehaves on every connection. */
export interface FaultyServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 that either accepts connections and never
 * answers (`stall`) or resets each one at once (`reset`): the two ways an
 * endpoint hangs or breaks a client.
 */
export async function startFaultyServer(fault: 'stall' | 'reset'): Promise<FaultyServer> {
  const held: Socket[] = [];
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    if (fault === 'reset') socket.resetAndDestroy();
    else held.push(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    close: async () => {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GoogleApiError, type GoogleErrorSpec, selectFields, sendJson } from './google-rest.ts';

/**
 * Answers a routed request: the handler's body (trimmed by `fields=`) as
 * 200, a GoogleApiError as Google's error body, anything else as a 500
 * `backendError`, as Google's front ends answer.
 */
export function respondWithHandler(
  res: ServerResponse,
  handle: () => unknown,
  fields: string | null,
  respond: { ok: () => void; error: (res: ServerResponse, spec: GoogleErrorSpec) => void },
): void {
  try {
    const body = selectFields(handle(), fields);
    respond.ok();
    sendJson(res, 200, body);
  } catch (error) {
    respond.error(
      res,
      error instanceof GoogleApiError
        ? error.spec
        : {
            httpStatus: 500,
            status: 'INTERNAL',
            message: `Internal error encountered. ${error instanceof Error ? error.message : String(error)}`,
            reason: 'backendError',
          },
    );
  }
}

/** A listening emulator server: where it is and how to stop it. */
export interface ListeningServer {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts a loopback HTTP server around `serve` (port 0: a free one). */
export async function listenJsonServer(
  serve: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: { host?: string | undefined; port?: number | undefined } = {},
): Promise<ListeningServer> {
  const server = createServer((req, res) => {
    // Requests carry no body we need, but it must be drained for keep-alive to work.
    req.resume();
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 500, message: String(error), status: 'INTERNAL' } });
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    host,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

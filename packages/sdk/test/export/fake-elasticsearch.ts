import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EsRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Decides a bulk item's fate: undefined indexes it, a status and error refuse it. */
export type BulkVerdict = (
  doc: Record<string, unknown>,
) => { status: number; type: string; reason: string } | undefined;

/**
 * Enough of the Elasticsearch REST API on 127.0.0.1 for the export: the
 * root info, index templates, and `_bulk` with NDJSON bodies, answering with
 * the product header the official client insists on. Bulk lines are
 * checked (action line then source line) and the documents kept by index and id.
 */
export async function startFakeElasticsearch() {
  const requests: EsRequest[] = [];
  const templates = new Map<string, Record<string, unknown>>();
  const indices = new Map<string, Map<string, Record<string, unknown>>>();
  const malformed: string[] = [];
  let verdict: BulkVerdict = () => undefined;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: EsRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
        res.end(JSON.stringify(body));
      };
      const path = new URL(request.path, 'http://es').pathname;
      const template = path.match(/^\/_index_template\/([^/]+)$/);
      if (request.method === 'GET' && path === '/') {
        return send(200, {
          name: 'fake',
          cluster_name: 'skygraph-test',
          version: { number: '9.3.0', build_flavor: 'default' },
          tagline: 'You Know, for Search',
        });
      }
      if (template && request.method === 'GET') {
        const found = templates.get(template[1] as string);
        if (!found) {
          return send(404, {
            error: {
              type: 'resource_not_found_exception',
              reason: `index template matching [${template[1]}] not found`,
            },
            status: 404,
          });
        }
        return send(200, { index_templates: [{ name: template[1], index_template: found }] });
      }
      if (template && request.method === 'PUT') {
        templates.set(template[1] as string, JSON.parse(request.body) as Record<string, unknown>);
        return send(200, { acknowledged: true });
      }
      if (path === '/_bulk' && (request.method === 'POST' || request.method === 'PUT')) {
        const lines = request.body.split('\n').filter((line) => line.length > 0);
        const items: unknown[] = [];
        for (let i = 0; i < lines.length; i += 2) {
          const action = JSON.parse(lines[i] as string) as { index?: { _index?: string; _id?: string } };
          const source =
            lines[i + 1] === undefined
              ? undefined
              : (JSON.parse(lines[i + 1] as string) as Record<string, unknown>);
          if (!action.index?._index || !source) {
            malformed.push(lines[i] as string);
            items.push({
              index: {
                status: 400,
                error: { type: 'action_request_validation_exception', reason: 'bad line' },
              },
            });
            continue;
          }
          const refused = verdict(source);
          if (refused) {
            items.push({
              index: {
                _index: action.index._index,
                _id: action.index._id,
                status: refused.status,
                error: refused,
              },
            });
            continue;
          }
          let docs = indices.get(action.index._index);
          if (!docs) {
            docs = new Map();
            indices.set(action.index._index, docs);
          }
          const id = action.index._id ?? String(docs.size + 1);
          const existed = docs.has(id);
          docs.set(id, source);
          items.push({
            index: {
              _index: action.index._index,
              _id: id,
              status: existed ? 200 : 201,
              result: existed ? 'updated' : 'created',
            },
          });
        }
        const hasErrors = items.some(
          (item) => ((item as { index: { status: number } }).index.status ?? 200) >= 300,
        );
        return send(200, { took: 1, errors: hasErrors, items });
      }
      return send(404, {
        error: { type: 'illegal_argument_exception', reason: `no handler for ${request.method} ${path}` },
        status: 404,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    templates,
    indices,
    malformed,
    refuse(next: BulkVerdict) {
      verdict = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

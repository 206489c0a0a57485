import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Slack incoming webhook on loopback: answers `ok` as Slack does and keeps every message posted to it. */
export interface LocalSlack {
  /** A webhook URL shaped like Slack's. */
  readonly webhookUrl: string;
  readonly messages: { text: string; blocks: unknown[] }[];
  close(): Promise<void>;
}

export async function startLocalSlack(): Promise<LocalSlack> {
  const messages: LocalSlack['messages'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      messages.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as LocalSlack['messages'][number]);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://127.0.0.1:${port}/services/T000/B000/XXXX`,
    messages,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

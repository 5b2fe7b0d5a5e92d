import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TranslateCall {
  q: string;
  source: string;
  target: string;
  format: string;
  api_key?: string;
}

/**
 * A small server that speaks LibreTranslate's HTTP API (POST /translate, JSON in and out), standing
 * in for a city's self-hosted LibreTranslate: it "translates" by prefixing the target language, and
 * can be told to fail like an overloaded server.
 */
export class FakeLibreTranslate {
  readonly calls: TranslateCall[] = [];
  failing = false;
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/translate') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Not Found' }));
      return;
    }
    const call = JSON.parse(Buffer.concat(chunks).toString('utf8')) as TranslateCall;
    this.calls.push(call);
    if (this.failing) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Translation model is loading' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ translatedText: `[${call.target}] ${call.q}` }));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

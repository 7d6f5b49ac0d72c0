/// <reference types="node" />
// Test-only: a real HTTP server standing in for the API, so jsdom's XMLHttpRequest sends the multipart body over
// the wire and reports upload progress itself. (The app code has only DOM types; this file is imported by specs.)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  contentType: string;
  body: string;
}

export type Replier = (request: ReceivedRequest, response: ServerResponse) => void;

export interface TestHttpServer {
  /** e.g. http://127.0.0.1:40123/api */
  baseUrl: string;
  received: ReceivedRequest[];
  reply(replier: Replier): void;
  close(): Promise<void>;
}

function allowCors(request: IncomingMessage, response: ServerResponse) {
  // The page (jsdom) and this server are different origins; an upload listener makes the browser ask first.
  response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Access-Control-Allow-Headers', 'Accept, Content-Type');
  response.setHeader('Access-Control-Allow-Methods', 'POST');
}

export async function startTestHttpServer(): Promise<TestHttpServer> {
  const received: ReceivedRequest[] = [];
  let replier: Replier = (_request, response) => response.writeHead(500).end();
  const server = createServer((request, response) => {
    allowCors(request, response);
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        contentType: String(request.headers['content-type']),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      replier(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    received,
    reply: (next) => {
      replier = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function replyJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BodyTooLargeError, MAX_REQUEST_BODY_BYTES, toFetchRequest } from '../../../mocks/server/bridge';

/**
 * The node:http → Fetch bridge reads a request body up to a limit each route sets (the hub's import route takes
 * a 20 MB file, a push 16 MB, anything else 1 MB) and refuses a larger one before it holds it all.
 */

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const limit = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('limit')) || undefined;
    toFetchRequest(request, new AbortController().signal, limit)
      .then(async (fetchRequest) => response.end(`read ${(await fetchRequest.arrayBuffer()).byteLength}`))
      .catch((error: unknown) => {
        response.statusCode = error instanceof BodyTooLargeError ? 413 : 500;
        response.end(error instanceof Error ? error.message : String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('a request body', () => {
  test('up to the route\'s limit is read whole, beyond the default limit', async () => {
    const body = new Uint8Array(MAX_REQUEST_BODY_BYTES + 10);
    const answer = await fetch(`${base}/?limit=${MAX_REQUEST_BODY_BYTES * 2}`, { method: 'POST', body });
    expect(await answer.text()).toBe(`read ${body.byteLength}`);
  });

  test('over the limit is refused, naming the limit', async () => {
    const answer = await fetch(`${base}/?limit=1000`, { method: 'POST', body: new Uint8Array(1001) });
    expect(answer.status).toBe(413);
    expect(await answer.text()).toBe('Request body larger than 1000 bytes');
  });

  test('over the default limit is refused when the route sets none', async () => {
    const answer = await fetch(`${base}/`, { method: 'POST', body: new Uint8Array(MAX_REQUEST_BODY_BYTES + 1) });
    expect(answer.status).toBe(413);
  });
});

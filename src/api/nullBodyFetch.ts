/**
 * `fetch`, with a 304 answer given a null body. Chromium hands a 304 from the network to the page with an empty
 * body stream rather than a null body; axios's fetch adapter, which re-wraps every body it streams (to cut off
 * answers over maxBytes), then builds `new Response(stream, { status: 304 })`, which the browser refuses ("Response
 * with null body status cannot have body"), and a "not modified" would surface as "API unreachable".
 */
type Fetch = (input: URL | Request | string, init?: RequestInit) => Promise<Response>;

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export function withNullBodies(inner: Fetch): Fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (!NULL_BODY_STATUSES.has(response.status) || response.body === null) return response;
    void response.body.cancel().catch(() => undefined);
    return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

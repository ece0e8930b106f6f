/** Why a request failed, before anything looked at its body. */
export type RequestFailure =
  | { kind: 'timeout' }
  | { kind: 'network' }
  | { kind: 'cancelled' }
  | { kind: 'too-large'; limit: number }
  | { kind: 'http'; status: number; title?: string; detail?: string };

export class RequestError extends Error {
  constructor(readonly failure: RequestFailure) {
    super(describeFailure(failure));
    this.name = 'RequestError';
  }
}

export function describeFailure(failure: RequestFailure): string {
  switch (failure.kind) {
    case 'timeout':
      return 'no answer in time';
    case 'network':
      return 'API unreachable';
    case 'cancelled':
      return 'cancelled';
    case 'too-large':
      return `answer larger than ${failure.limit} bytes`;
    case 'http':
      return `HTTP ${failure.status}${failure.title ? ` ${failure.title}` : ''}`;
  }
}

/** Worth another try: the network, a timeout, 408, 429 and 5xx. Not: 4xx answers, which will not change. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof RequestError)) return false;
  const f = error.failure;
  if (f.kind === 'timeout' || f.kind === 'network') return true;
  return f.kind === 'http' && (f.status >= 500 || f.status === 408 || f.status === 429);
}

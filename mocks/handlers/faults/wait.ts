/**
 * Waits for `duration` ms (or forever) unless `signal` aborts first (the client gave up, or the node server
 * saw the socket close); resolves true when it was aborted. An abort clears the timer, so a long latency
 * or a slow trickle leaves nothing behind once its client has gone.
 */
export function waitUnlessAborted(duration: number | 'infinite', signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer =
      duration === 'infinite'
        ? undefined
        : setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve(false);
          }, duration);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

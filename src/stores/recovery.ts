import { defineStore } from 'pinia';
import { watch } from 'vue';
import { defaultWindow, tryOnScopeDispose, useDocumentVisibility, useEventListener, useTimeoutFn } from '@vueuse/core';
import { catchUpDelayMs, pickProbe, probeDelayMs } from '../domain/recovery';

/** How one attempt at a query went: the API answered (data, not modified, or an answer that says what is wrong), it failed in a way only time mends, or it was called off. */
export type AttemptOutcome = 'answered' | 'failed' | 'cancelled';

/** A query in use whose last attempt failed in a way only time mends (src/domain/recovery.ts, `awaitsRecovery`). */
export interface WaitingQuery {
  key: string;
  lastAttemptAt: number | null;
}

/** What a feed cache lets the screen's recovery see and do. */
export interface RecoveryMember {
  /** The feed's cadence (ms): the probe never waits longer than the shortest cadence among the failing feeds. */
  cadenceMs(): number;
  /** Its queries in use that wait for recovery. */
  waiting(): readonly WaitingQuery[];
  /**
   * Asks one query again now (or joins the load of it on its way), and tells how it went; a query no longer in
   * use is not asked ('cancelled'), nor one that has recovered meanwhile ('answered'). `retry: false`: one request,
   * whatever the client's retry policy.
   */
  attempt(key: string, request: { retry: boolean }): Promise<AttemptOutcome>;
}

export type RecoveryPhase = 'idle' | 'probing' | 'catching-up';

export interface RecoveryState {
  phase: RecoveryPhase;
  /** The number of the next probe's backoff step (0: the first, within 5 s). */
  step: number;
  /** Probes sent since this recovery was made. */
  probes: number;
}

export interface FeedRecovery {
  /** A feed cache takes part; the function returned takes it out again. */
  join(member: RecoveryMember): () => void;
  /**
   * How an attempt of a member went: a failure starts probing (unless a probe or a catch-up is under way); an
   * answer while idle forgets the backoff of an earlier outage.
   */
  report(outcome: AttemptOutcome): void;
  /** A view shows a query that waits for recovery: probe for it unless a probe or a catch-up is under way. */
  wake(): void;
  /** Whether waiting queries are in its hands (a probe pending or on its way, or a catch-up): ticks and views then leave them alone. */
  active(): boolean;
  /** Where it is, for tests and scripts. */
  snapshot(): RecoveryState;
}

export interface FeedRecoveryOptions {
  /** Draws the probes' and the catch-up's delays (default Math.random). */
  random?: () => number;
  now?: () => number;
}

interface Waiting extends WaitingQuery {
  member: RecoveryMember;
}

interface Queued extends Waiting {
  /** When it is to be asked (ms since epoch). */
  at: number;
}

/**
 * One screen's way back from a failing API (the rules are src/domain/recovery.ts). While some query in use waits
 * for recovery, the screen probes: one request at a time, one of those queries (the one asked longest ago), after a
 * delay with full jitter that grows with each failed probe. A screen with eight failing feeds sends one probe per
 * step, not eight: one answer is enough to tell that the API is back. When a probe is answered, every other
 * waiting query is asked again, each at a random instant within a few seconds; if some still fail, probing goes
 * on one step further, and once none waits, nothing is pending any more.
 *
 * Quiet while the page is hidden: the pending probe or catch-up is put off, and done when the page is shown again
 * (the probe at once). The `online` event brings the next probe forward to within the first step's delay.
 *
 * Two @vueuse/core timeouts (a probe, a catch-up), of which at most one is pending, and only while something waits
 * for recovery; released with the calling scope (the store's).
 */
export function createFeedRecovery(options: FeedRecoveryOptions = {}): FeedRecovery {
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const members = new Set<RecoveryMember>();
  const visibility = useDocumentVisibility();
  const hidden = () => visibility.value === 'hidden';
  let phase: RecoveryPhase = 'idle';
  let step = 0;
  let probes = 0;
  let probing = false;
  let disposed = false;
  let queue: Queued[] = [];
  let caughtUp: Promise<AttemptOutcome>[] = [];

  const waiting = (): Waiting[] => [...members].flatMap((member) => member.waiting().map((query) => ({ ...query, member })));
  const cadenceOf = (list: readonly Waiting[]) => Math.min(...list.map((query) => query.member.cadenceMs()));

  let probeDelay = 0;
  const probeTimer = useTimeoutFn(() => void probe(), () => probeDelay, { immediate: false });
  let catchUpDelay = 0;
  const catchUpTimer = useTimeoutFn(() => catchUpDue(), () => catchUpDelay, { immediate: false });

  function goIdle() {
    phase = 'idle';
    probeTimer.stop();
    catchUpTimer.stop();
    queue = [];
    caughtUp = [];
  }

  /** Waits for the next probe, or goes idle when no query in use waits for recovery. */
  function scheduleProbe(list: readonly Waiting[] = waiting()) {
    if (disposed) return;
    if (list.length === 0) return goIdle();
    phase = 'probing';
    // Hidden: the probe is put off until the page is shown again.
    if (hidden()) return probeTimer.stop();
    probeDelay = probeDelayMs(step, cadenceOf(list), random);
    probeTimer.start();
  }

  async function attempt(query: Waiting, retry: boolean): Promise<AttemptOutcome> {
    try {
      return await query.member.attempt(query.key, { retry });
    } catch {
      return 'failed';
    }
  }

  async function probe() {
    if (disposed || probing) return;
    const target = pickProbe(waiting());
    if (!target) return goIdle();
    probing = true;
    probes++;
    const outcome = await attempt(target, false);
    probing = false;
    if (disposed || phase !== 'probing') return;
    if (outcome === 'answered') return catchUp(target);
    // A probe called off (nobody shows that query any more) tells nothing: the same step again.
    if (outcome === 'failed') step++;
    scheduleProbe();
  }

  /** The API answered a probe: every other waiting query is asked again, each at a random instant of the spread. */
  function catchUp(answered: Waiting) {
    phase = 'catching-up';
    queue = waiting()
      .filter((query) => !(query.member === answered.member && query.key === answered.key))
      .map((query) => ({ ...query, at: now() + catchUpDelayMs(random) }))
      .sort((a, b) => a.at - b.at);
    caughtUp = [];
    nextCatchUp();
  }

  function nextCatchUp() {
    if (disposed || phase !== 'catching-up' || hidden()) return;
    const next = queue[0];
    if (!next) {
      const settling = caughtUp;
      caughtUp = [];
      void Promise.all(settling).then(afterCatchUp);
      return;
    }
    catchUpDelay = Math.max(0, next.at - now());
    catchUpTimer.start();
  }

  function catchUpDue() {
    const due = queue.filter((query) => query.at <= now());
    queue = queue.slice(due.length);
    for (const query of due) caughtUp.push(attempt(query, true));
    nextCatchUp();
  }

  function afterCatchUp() {
    if (disposed || phase !== 'catching-up') return;
    const list = waiting();
    if (list.length === 0) {
      // Healed: nothing waits, nothing is pending; the next outage starts from the first step.
      step = 0;
      return goIdle();
    }
    // The API answered, but not for everything: probing goes on, one step further, for what still fails.
    step++;
    scheduleProbe(list);
  }

  watch(visibility, (state, before) => {
    if (state === 'hidden') {
      probeTimer.stop();
      catchUpTimer.stop();
      return;
    }
    if (before !== 'hidden' || disposed) return;
    if (phase === 'probing' && !probing) {
      // Shown again: one probe at once says whether the API answers.
      probeDelay = 0;
      probeTimer.start();
    } else if (phase === 'catching-up') {
      nextCatchUp();
    }
  });

  // The network came back: the next probe comes within the first step's delay, however long the outage was.
  useEventListener(defaultWindow, 'online', () => {
    if (phase !== 'probing' || probing) return;
    step = 0;
    scheduleProbe();
  });

  tryOnScopeDispose(() => {
    disposed = true;
    goIdle();
    members.clear();
  });

  function wake() {
    if (disposed || phase !== 'idle') return;
    const list = waiting();
    if (list.length > 0) scheduleProbe(list);
  }

  return {
    join(member) {
      members.add(member);
      return () => void members.delete(member);
    },
    report(outcome) {
      if (outcome === 'failed') wake();
      else if (outcome === 'answered' && phase === 'idle') step = 0;
    },
    wake,
    active: () => phase !== 'idle',
    snapshot: () => ({ phase, step, probes }),
  };
}

/**
 * The app's one recovery, shared by every feed cache (createFeedCache joins it by default), so that the whole
 * screen sends one probe per step however many feeds fail.
 */
export const useRecoveryStore = defineStore('recovery', () => createFeedRecovery());

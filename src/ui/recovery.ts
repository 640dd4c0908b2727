/**
 * Keeps the simulation worker alive: the page talks to a stable client whose calls go to the current
 * worker. A worker that throws (its 'error' or 'messageerror' event), stops answering (a watchdog
 * ping not answered within a timeout — e.g. it closed itself or hangs), or rejects a ping is
 * terminated and replaced by a fresh one; calls still waiting on the old worker are rejected with
 * WorkerCrashedError (so nothing in the page waits forever), and onCrash tells the page, which
 * reloads its scenario, seed and sliders into the new worker. Repeated crashes in a short time stop
 * the restarts (onGiveUp) rather than loop.
 */
import type { SimClient } from '../worker/client';

export class WorkerCrashedError extends Error {
  constructor(reason: string) {
    super(`the simulation worker ${reason}`);
    this.name = 'WorkerCrashedError';
  }
}

/** One worker as the supervisor sees it: createSimClient()'s result. */
export interface WorkerHandle {
  client: SimClient;
  worker: Pick<Worker, 'addEventListener'>;
  terminate(): void;
}

export interface SupervisorOptions {
  /** a new worker was started after `reason`; `recent` = restarts within windowMs, this one included */
  onCrash(reason: string, recent: number): void;
  /** too many crashes: no more restarts, calls are refused */
  onGiveUp(reason: string): void;
  pingEveryMs?: number;
  /** a ping unanswered for this long means the worker is gone (generous: a long step() blocks it) */
  pingTimeoutMs?: number;
  /** restarts allowed within windowMs before giving up */
  maxRestarts?: number;
  windowMs?: number;
}

export const PING_EVERY_MS = 1000;
export const PING_TIMEOUT_MS = 10_000;

interface Pending {
  handle: WorkerHandle;
  reject(e: unknown): void;
}

export class WorkerSupervisor {
  /** The client the page uses; it outlives any one worker. */
  readonly client: SimClient;
  private current: WorkerHandle;
  private readonly pending = new Set<Pending>();
  private readonly restarts: number[] = [];
  private ping: { handle: WorkerHandle; since: number } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private deadReason: string | null = null;
  private readonly pingTimeoutMs: number;

  constructor(
    private readonly make: () => WorkerHandle,
    private readonly options: SupervisorOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.pingTimeoutMs = options.pingTimeoutMs ?? PING_TIMEOUT_MS;
    this.current = this.start();
    this.client = new Proxy({} as SimClient, {
      get: (_, name) =>
        // not a thenable, and no symbol-keyed Comlink internals: only the worker's methods
        typeof name !== 'string' || name === 'then'
          ? undefined
          : (...args: unknown[]) => this.call(name, args),
    });
    this.timer = setInterval(() => this.watch(), options.pingEveryMs ?? PING_EVERY_MS);
  }

  /** Stops the watchdog and the worker (page teardown, tests). */
  dispose(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.current.terminate();
  }

  /** Declares the current worker failed (also used by the page when a call shows it is broken). */
  fail(reason: string, handle: WorkerHandle = this.current): void {
    if (handle !== this.current || this.deadReason !== null) return; // already replaced
    handle.terminate();
    this.ping = null;
    const error = new WorkerCrashedError(reason);
    for (const p of [...this.pending]) {
      if (p.handle !== handle) continue;
      this.pending.delete(p);
      p.reject(error);
    }
    const t = this.now();
    const windowMs = this.options.windowMs ?? 60_000;
    while (this.restarts.length > 0 && t - this.restarts[0] > windowMs) this.restarts.shift();
    if (this.restarts.length >= (this.options.maxRestarts ?? 5)) {
      this.deadReason = reason;
      if (this.timer !== null) clearInterval(this.timer);
      this.timer = null;
      this.options.onGiveUp(reason);
      return;
    }
    this.restarts.push(t);
    this.current = this.start();
    this.options.onCrash(reason, this.restarts.length);
  }

  private start(): WorkerHandle {
    const handle = this.make();
    handle.worker.addEventListener('error', (e) => {
      const message = (e as ErrorEvent).message;
      this.fail(message ? `failed (${message})` : 'failed to start or run', handle);
    });
    handle.worker.addEventListener('messageerror', () =>
      this.fail('sent a message that could not be read', handle),
    );
    return handle;
  }

  private call(name: string, args: unknown[]): Promise<unknown> {
    if (this.deadReason !== null) return Promise.reject(new WorkerCrashedError(this.deadReason));
    const handle = this.current;
    return new Promise((resolve, reject) => {
      const entry: Pending = { handle, reject };
      this.pending.add(entry);
      const settle = (fn: () => void) => {
        if (!this.pending.delete(entry)) return; // already rejected by fail()
        fn();
      };
      let result: Promise<unknown>;
      try {
        const method = (handle.client as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[
          name
        ];
        result = Promise.resolve(method(...args));
      } catch (e) {
        result = Promise.reject(e);
      }
      result.then(
        (v) => settle(() => resolve(v)),
        (e) => settle(() => reject(e)),
      );
    });
  }

  private watch(): void {
    if (this.deadReason !== null) return;
    const handle = this.current;
    if (this.ping) {
      if (this.ping.handle === handle && this.now() - this.ping.since > this.pingTimeoutMs)
        this.fail(`stopped answering for ${Math.round(this.pingTimeoutMs / 1000)} s`, handle);
      return;
    }
    const ping = { handle, since: this.now() };
    this.ping = ping;
    this.call('ping', []).then(
      () => {
        if (this.ping === ping) this.ping = null;
      },
      (e) => {
        if (this.ping !== ping) return;
        this.ping = null;
        if (!(e instanceof WorkerCrashedError))
          this.fail(`could not answer (${e instanceof Error ? e.message : String(e)})`, handle);
      },
    );
  }
}

import { untilAborted } from '@team-insights/plugin-team-insights-node';

/** Runs at most `concurrency` tasks at once; the rest wait their turn. */
export class Limiter {
  readonly #concurrency: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(concurrency: number) {
    this.#concurrency = Math.max(1, concurrency);
  }

  /**
   * Runs `task` once a slot is free. When `signal` aborts, a task still
   * waiting never starts and a running one gives its slot back at once
   * (its result is dropped), so a catalog that hangs cannot hold the slots.
   */
  async run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        this.#release();
      }
    };
    try {
      signal.throwIfAborted();
      return await untilAborted(task(), signal);
    } finally {
      release();
    }
  }

  #acquire(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.#active < this.#concurrency) {
      this.#active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = { grant: () => {}, onAbort: () => {} };
      waiter.grant = () => {
        signal.removeEventListener('abort', waiter.onAbort);
        this.#active += 1;
        resolve();
      };
      waiter.onAbort = () => {
        const index = this.#waiting.indexOf(waiter.grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      this.#waiting.push(waiter.grant);
    });
  }

  #release() {
    this.#active -= 1;
    this.#waiting.shift()?.();
  }
}

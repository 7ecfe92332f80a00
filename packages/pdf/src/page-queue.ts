/* The pages of one document shared out among threads through shared memory (a SharedArrayBuffer
 * travels to a worker thread as the same memory), so that taking a page needs no message. */

/** A page queue as plain data: one share of pages per thread, as [front, back) packed in one
 * 64-bit slot (front in the high half) so that taking a page is one compare-and-swap. */
export interface SharedPageQueue {
  shares: SharedArrayBuffer;
  /** The share this thread starts with. */
  own: number;
}

const HIGH = 32n;
const LOW = 0xffffffffn;

/** Pages shared out among threads: each thread reads its own share of neighbouring pages front to
 * back (neighbours mostly share their fonts, which each thread parses once), then takes pages from
 * the back of the fullest other share, so none idles while pages are left, however uneven the
 * pages are. */
export class PageQueue {
  private readonly slots: BigInt64Array;
  constructor(readonly shared: SharedPageQueue) {
    this.slots = new BigInt64Array(shared.shares);
  }

  static create(numPages: number, threads: number): PageQueue {
    const slots = new BigInt64Array(new SharedArrayBuffer(8 * threads));
    for (let k = 0; k < threads; k++) {
      const front = BigInt(Math.floor((k * numPages) / threads) + 1);
      const back = BigInt(Math.floor(((k + 1) * numPages) / threads) + 1);
      slots[k] = (front << HIGH) | back;
    }
    return new PageQueue({ shares: slots.buffer as SharedArrayBuffer, own: 0 });
  }

  /** The same queue for the thread that starts with share `own`. */
  forThread(own: number): SharedPageQueue {
    return { shares: this.shared.shares, own };
  }

  /** The next page number for this thread, or undefined when every page is taken. */
  take(): number | undefined {
    for (;;) {
      const at = this.left(this.shared.own) > 0n ? this.shared.own : this.fullestShare();
      if (at === undefined) return undefined;
      const slot = this.slots[at]!;
      const [front, back] = [slot >> HIGH, slot & LOW];
      if (front >= back) continue;
      // the own share is read from the front, another one from the back
      const own = at === this.shared.own;
      const taken = own ? ((front + 1n) << HIGH) | back : (front << HIGH) | (back - 1n);
      if (Atomics.compareExchange(this.slots, at, slot, taken) === slot) return Number(own ? front : back - 1n);
    }
  }

  private left(k: number): bigint {
    const slot = this.slots[k]!;
    return (slot & LOW) - (slot >> HIGH);
  }

  private fullestShare(): number | undefined {
    let best: number | undefined;
    let most = 0n;
    for (let k = 0; k < this.slots.length; k++) {
      const left = this.left(k);
      if (left > most) [best, most] = [k, left];
    }
    return best;
  }

  /** Hands out nothing more (one thread failed: the document fails). */
  close(): void {
    for (let k = 0; k < this.slots.length; k++) Atomics.store(this.slots, k, 0n);
  }
}

/** Reads the queue's pages, one at a time, until none is left. */
export async function drainQueue<T>(queue: PageQueue, read: (page: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let n = queue.take(); n !== undefined; n = queue.take()) out.push(await read(n));
  return out;
}

/**
 * A small cache for the public proposal list, the platform's hottest read. Any proposal write in
 * this process bumps the version and so empties it at once; other API processes see a change
 * after at most `ttlMs`. Entries are few (one per distinct query) and bounded.
 */
export class ListCache<T> {
  private version = 0;
  private readonly entries = new Map<string, { version: number; expires: number; value: T }>();
  /** Loads under way: concurrent misses of one key share a single query (no stampede on expiry). */
  private readonly loading = new Map<string, { version: number; promise: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  /** The value under the key: cached, or shared with a load under way, or loaded now. */
  async get(key: string, load: () => Promise<T>): Promise<T> {
    return this.peek(key) ?? this.track(key, load());
  }

  /**
   * The value under the key without loading anything: cached (fresh and current), or the promise of
   * a load under way that started after the last change, or undefined.
   */
  peek(key: string): T | Promise<T> | undefined {
    const hit = this.entries.get(key);
    if (hit && hit.version === this.version && hit.expires > Date.now()) return hit.value;
    const running = this.loading.get(key);
    return running?.version === this.version ? running.promise : undefined;
  }

  /**
   * Puts a load under the key: requests for the key share it while it runs (see peek), and its value is
   * cached, unless a change came in meanwhile. Also makes another key (a request URL) answer with the
   * load of a query key.
   */
  track(key: string, promise: Promise<T>): Promise<T> {
    const version = this.version;
    this.loading.set(key, { version, promise });
    return promise
      .then((value) => {
        this.store(key, version, value);
        return value;
      })
      .finally(() => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
      });
  }

  /** Keeps a loaded value, the newest last (the oldest goes first), unless a write came in while it loaded. */
  private store(key: string, version: number, value: T): void {
    if (version !== this.version) return;
    this.entries.delete(key);
    this.entries.set(key, { version, expires: Date.now() + this.ttlMs, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(): void {
    this.version++;
    this.entries.clear();
    this.loading.clear();
  }
}

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

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.version === this.version && hit.expires > now) return hit.value;
    const running = this.loading.get(key);
    if (running && running.version === this.version) return running.promise;
    const version = this.version;
    const promise = load()
      .then((value) => {
        // A write that happened while loading makes this value stale: do not keep it.
        if (version === this.version) {
          this.entries.delete(key);
          this.entries.set(key, { version, expires: Date.now() + this.ttlMs, value });
          if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        }
        return value;
      })
      .finally(() => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
      });
    this.loading.set(key, { version, promise });
    return promise;
  }

  /** The cached value when it is fresh and current, without loading anything. */
  peek(key: string): T | undefined {
    const hit = this.entries.get(key);
    return hit && hit.version === this.version && hit.expires > Date.now() ? hit.value : undefined;
  }

  /** Stores a value under another key too (only while it is current). */
  alias(key: string, value: T, version: number): void {
    if (version !== this.version) return;
    this.entries.set(key, { version, expires: Date.now() + this.ttlMs, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get currentVersion(): number {
    return this.version;
  }

  invalidate(): void {
    this.version++;
    this.entries.clear();
    this.loading.clear();
  }
}

import { ProposalSort } from '@app/shared';
import { ProposalListCache } from './proposal-list-cache';

/** Loads a value through the cache and counts how often the loader really ran. */
function counter() {
  let runs = 0;
  return {
    load:
      <T>(value: T) =>
      () => {
        runs++;
        return Promise.resolve(value);
      },
    get runs() {
      return runs;
    },
  };
}

describe('ProposalListCache', () => {
  const selection = { total: 2, ids: ['a', 'b'] };
  const page = { body: Buffer.from('{}'), etag: 'W/"x"' };

  it('keeps the selections of the orders a support cannot change, and drops the pages and the order by supports', async () => {
    const cache = new ProposalListCache();
    const newest = counter();
    const bySupport = counter();
    const pages = counter();
    const fill = async () => {
      await cache.selectionsFor(ProposalSort.Newest).get('k', newest.load(selection));
      await cache.selectionsFor(ProposalSort.MostSupported).get('k', bySupport.load(selection));
      await cache.get('k', pages.load(page));
    };
    await fill();
    await fill();
    expect([newest.runs, bySupport.runs, pages.runs]).toEqual([1, 1, 1]);
    cache.supportsChanged();
    await fill();
    expect([newest.runs, bySupport.runs, pages.runs]).toEqual([1, 2, 2]);
  });

  it('drops everything on any other change', async () => {
    const cache = new ProposalListCache();
    const random = counter();
    const pages = counter();
    const fill = async () => {
      await cache.selectionsFor(ProposalSort.Random).get('k', random.load(selection));
      await cache.get('k', pages.load(page));
    };
    await fill();
    cache.invalidate();
    await fill();
    expect([random.runs, pages.runs]).toEqual([2, 2]);
  });

  it('does not keep a selection loaded while a support changed the order by supports', async () => {
    const cache = new ProposalListCache();
    let release!: (value: typeof selection) => void;
    const slow = cache.selectionsFor(ProposalSort.MostSupported).get('k', () => new Promise((done) => (release = done)));
    cache.supportsChanged();
    release(selection);
    await slow;
    const again = counter();
    await cache.selectionsFor(ProposalSort.MostSupported).get('k', again.load(selection));
    expect(again.runs).toBe(1);
  });

  it('answers another key with a load under way and then its value, but not across a change', async () => {
    const cache = new ProposalListCache();
    let release!: (value: typeof page) => void;
    const loading = cache.get('query', () => new Promise((done) => (release = done)));
    const tracked = cache.track('url:/api/proposals', loading);
    expect(cache.peek('url:/api/proposals')).toBe(loading);
    release(page);
    await tracked;
    expect(cache.peek('url:/api/proposals')).toBe(page);
    cache.supportsChanged();
    expect(cache.peek('url:/api/proposals')).toBeUndefined();
    let later!: (value: typeof page) => void;
    const stale = cache.track('url:/api/proposals', new Promise((done) => (later = done)));
    cache.supportsChanged();
    expect(cache.peek('url:/api/proposals')).toBeUndefined();
    later(page);
    await stale;
    expect(cache.peek('url:/api/proposals')).toBeUndefined();
  });
});

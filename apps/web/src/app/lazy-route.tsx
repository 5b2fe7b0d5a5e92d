import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/** What a page shows while its code arrives: announced politely, the layout around it stays. */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading route-loading">
      {t('common.loading')}
    </p>
  );
}

export type LazyRouteComponent = ComponentType & { preload: () => Promise<void> };

/**
 * A page loaded on first visit (its own chunk). `name` is the module's named export.
 *
 * The page renders inside its own Suspense boundary, so the site frame paints before its code is in.
 * When the code is already loaded at the first render (by `preload`, which the start-up calls for the
 * page being opened), the lazy component gets it as an already fulfilled thenable and React renders it
 * without showing the fallback: React holds back a boundary's content for up to 300 ms once its
 * fallback showed, which delayed every first page by that much even when its chunk had long arrived.
 * The tree stays the same either way, so a page never remounts because its code arrived.
 */
export function lazyRoute<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyRouteComponent {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const fetchPage = () =>
    (loading ??= load().then(
      (module) => (loaded = module[name]),
      (error: unknown) => {
        loading = null; // a later visit tries again (e.g. after a dropped connection)
        throw error;
      },
    ));
  const Page = lazy(() => {
    const done = loaded;
    if (!done) return fetchPage().then((page) => ({ default: page }));
    // React's lazy reads a thenable that settles inside then() at once, without suspending.
    const settled = { then: (resolve: (module: { default: ComponentType }) => void) => resolve({ default: done }) };
    return settled as unknown as Promise<{ default: ComponentType }>;
  });
  function LazyRoute() {
    return (
      <Suspense fallback={<RouteLoading />}>
        <Page />
      </Suspense>
    );
  }
  LazyRoute.displayName = `Lazy(${name})`;
  LazyRoute.preload = async () => {
    await fetchPage();
  };
  return LazyRoute;
}

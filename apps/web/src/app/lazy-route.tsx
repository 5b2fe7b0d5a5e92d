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
 * Until its code is in, the page renders inside its own Suspense boundary, so the site frame paints
 * first. Once loaded (by a visit or by `preload`, which the start-up calls for the page being opened),
 * it renders directly: React holds back a Suspense boundary's content for up to 300 ms after its
 * fallback showed, which delayed every first page by that much even when its chunk had long arrived.
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
  const Page = lazy(async () => ({ default: await fetchPage() }));
  function LazyRoute() {
    const Loaded = loaded;
    if (Loaded) return <Loaded />;
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

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

/**
 * A page loaded on first visit (its own chunk). `name` is the module's named export; the page
 * renders inside its own Suspense boundary, so the site frame paints before the page's code is in.
 */
export function lazyRoute<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  const Page: ComponentType = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  function LazyRoute() {
    return (
      <Suspense fallback={<RouteLoading />}>
        <Page />
      </Suspense>
    );
  }
  LazyRoute.displayName = `Lazy(${name})`;
  return LazyRoute;
}

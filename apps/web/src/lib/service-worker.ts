const RELOADED_KEY = 'soziale-stadt.reloaded-for-build';

/**
 * Registers the app-shell service worker (public/sw.js) and hands it the build files this page
 * loaded before it took control, so the next visit paints from the cache.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const assets = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((url) => new URL(url).pathname.startsWith('/assets/'));
        registration.active?.postMessage({ assets });
      })
      .catch(() => undefined);
  });
}

/**
 * A chunk of the running build is gone (a new deployment replaced it): reload, which loads the new
 * build whole instead of mixing old and new chunks. At most once in 30 s, so a server that is down
 * does not make the page reload again and again.
 */
export function reloadWhenBuildIsGone(): void {
  window.addEventListener('vite:preloadError', (event) => {
    try {
      const last = Number(sessionStorage.getItem(RELOADED_KEY) ?? 0);
      if (Date.now() - last < 30_000) return;
      sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
    } catch {
      return; // storage disabled: no guard against a loop, so no reload
    }
    event.preventDefault();
    location.reload();
  });
}

import '@kern-ux/native/dist/kern.min.css';
import './styles/fonts.css';
import './styles/boot.css';
import './styles/index.css';
import './lib/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadPage } from './app/router';
import { registerServiceWorker, reloadWhenBuildIsGone } from './lib/service-worker';

reloadWhenBuildIsGone();
if (import.meta.env.PROD) registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

// The opened page's code first (its chunks are already on the way, named in index.html), then the
// first render: the page appears in one step instead of after a loading state. A chunk that fails
// renders anyway; the page's own loading and error handling take over.
void preloadPage(window.location.pathname)
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );

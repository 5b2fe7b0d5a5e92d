import '@kern-ux/native/dist/kern.min.css';
import './styles/fonts.css';
import './styles/boot.css';
import './styles/index.css';
import './lib/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker, reloadWhenBuildIsGone } from './lib/service-worker';

reloadWhenBuildIsGone();
if (import.meta.env.PROD) registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

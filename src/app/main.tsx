import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/i18n';
import './app.css';
import { App } from './App';
import { bootApp, bootUnderWay } from './boot';
import { readPageConfig } from './config';

/** The longest the page's first layout waits for the start-up's first step. */
const FIRST_LAYOUT_WAIT_MS = 1000;

// React's first layout of the page takes the main thread for most of a second: it comes once the
// kept contents are read and on their way to the planning worker, which plans them meanwhile, not
// before. This is the one place the start-up begins.
void bootApp(readPageConfig(window.location.search));
void bootUnderWay(FIRST_LAYOUT_WAIT_MS).then(() =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

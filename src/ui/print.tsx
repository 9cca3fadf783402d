/**
 * Printing one part of the app: it is rendered into a print-only root, the screen layout is hidden by
 * print CSS, the browser's print dialog opens (its "Save as PDF" gives the document), then the root is emptied.
 */
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n';

export function printSection(content: ReactNode, pageSize: 'A4 landscape' | 'A3 landscape' = 'A4 landscape'): void {
  for (const old of document.querySelectorAll('.print-root')) old.remove();
  const host = document.createElement('div');
  host.className = 'print-root';
  document.body.appendChild(host);
  const style = document.createElement('style');
  style.textContent = `@page { size: ${pageSize}; margin: 12mm; }`;
  document.head.appendChild(style);
  const root = createRoot(host);
  flushSync(() => root.render(<I18nextProvider i18n={i18n}>{content}</I18nextProvider>));
  document.body.classList.add('printing');
  const cleanUp = () => {
    document.body.classList.remove('printing');
    root.unmount();
    host.remove();
    style.remove();
    window.removeEventListener('afterprint', cleanUp);
  };
  window.addEventListener('afterprint', cleanUp);
  window.print();
}

import type { Page } from 'playwright-core';

/** Collects the browser's CSP refusals; the app must work under the server's strict policy. */
export function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

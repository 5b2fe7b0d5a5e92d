import type { Page } from 'playwright-core';
import { axeViolations, formatViolations } from './axe';

/** One h1 and no axe violation: the page's problems, labelled. */
export async function audit(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) problems.push(`[${label}] expected one h1, found ${h1}`);
  const violations = await axeViolations(page);
  if (violations.length > 0) problems.push(formatViolations(label, violations));
  return problems;
}

/**
 * What of the page lies outside the viewport: the document must not scroll, and every element that
 * is drawn (more than a pixel: text for screen readers only is clipped to one) lies inside.
 */
export async function outsideViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const root = document.documentElement;
    const problems: string[] = [];
    if (root.scrollHeight > height) problems.push(`the page scrolls: ${root.scrollHeight} px high on a ${height} px screen`);
    if (root.scrollWidth > width) problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide on a ${width} px screen`);
    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.left < -0.5 || box.top < -0.5 || box.right > width + 0.5 || box.bottom > height + 0.5) {
        const name = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
        problems.push(
          `${name} "${(element.textContent ?? '').trim().slice(0, 40)}" at ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`,
        );
      }
    }
    // What must be readable is not covered or cut off by its container.
    for (const selector of [
      '.projector__item',
      '.projector__speaker-name',
      '.projector [role="timer"]',
      '.projector__queue',
      '.projector__qr',
      '.projector__results table',
    ]) {
      const element = document.querySelector(selector);
      if (!element) continue;
      const box = element.getBoundingClientRect();
      let parent = element.parentElement;
      while (parent) {
        const overflow = getComputedStyle(parent).overflow;
        const outer = parent.getBoundingClientRect();
        if (overflow !== 'visible' && (box.top < outer.top - 0.5 || box.bottom > outer.bottom + 0.5)) {
          problems.push(`${selector} is cut off by ${parent.className}`);
          break;
        }
        parent = parent.parentElement;
      }
    }
    return problems;
  });
}

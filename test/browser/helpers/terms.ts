import type { Locator, Page } from 'playwright-core';

/** Presses Tab until the element is focused: the way there without a mouse. */
export async function tabTo(page: Page, target: Locator, presses = 80): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((element) => document.activeElement === element, handle)) return;
  }
  throw new Error(`not reached with ${presses} presses of Tab`);
}

export interface OpenedTerm {
  button: Locator;
  panel: Locator;
}

/**
 * A hard term's explanation, opened with the keyboard only: the button (found by its accessible name,
 * "Was heißt …?" in the page's language) is reached with Tab and collapsed, Enter opens the explanation
 * right after it, in the flow of the page (no tooltip laid over it), and focus stays on the button.
 * Returns the open term; `closeWithEscape` checks the way back.
 */
export async function openTermByKeyboard(page: Page, buttonName: string, explanation: string): Promise<OpenedTerm> {
  const button = page.getByRole('button', { name: buttonName, exact: true });
  await button.waitFor();
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  const panel = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
  expect(await panel.isHidden()).toBe(true);

  await tabTo(page, button);
  await page.keyboard.press('Enter');
  await page.waitForFunction((element) => element?.getAttribute('aria-expanded') === 'true', await button.elementHandle());
  await panel.waitFor();
  // The explanation of the page's language (loaded when the page showed the term), not a loading text.
  await page.waitForFunction(([element, text]) => element?.textContent === text, [await panel.elementHandle(), explanation] as const);
  const placement = await button.evaluate((element) => {
    const controlled = document.getElementById(element.getAttribute('aria-controls') ?? '');
    // Reading order: the explanation follows the button, with no text in between.
    let nextToButton = false;
    if (controlled && element.compareDocumentPosition(controlled) & Node.DOCUMENT_POSITION_FOLLOWING) {
      const between = document.createRange();
      between.setStartAfter(element);
      between.setEndBefore(controlled);
      nextToButton = between.toString() === '';
    }
    return {
      nextToButton,
      position: controlled ? getComputedStyle(controlled).position : null,
      focused: document.activeElement === element,
    };
  });
  expect(placement).toEqual({ nextToButton: true, position: 'static', focused: true });
  return { button, panel };
}

/** Escape closes the explanation and leaves the focus on its button. */
export async function closeWithEscape(page: Page, { button, panel }: OpenedTerm): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForFunction((element) => element?.getAttribute('aria-expanded') === 'false', await button.elementHandle());
  expect(await panel.isHidden()).toBe(true);
  expect(await button.evaluate((element) => document.activeElement === element)).toBe(true);
}

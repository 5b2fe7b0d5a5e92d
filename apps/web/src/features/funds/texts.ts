import { registerTextSet, useTextSet } from '../../lib/text-sets';

// The funds texts (locales/funds.<language>.json) are known only to the funds pages' chunks.
registerTextSet('funds', import.meta.glob<Record<string, unknown>>('../../locales/funds.*.json', { import: 'default' }));

/** True once the funds texts of the page's language (and German) are in. */
export function useFundsTexts(): boolean {
  return useTextSet('funds');
}

import { useLocation } from 'react-router';
import type { UiMessage } from './messages';

/**
 * A one-time success message carried to the next page in the router's location state
 * (e.g. "You are signed out"), so it survives the navigation but not a reload.
 */
export interface FlashState {
  flash: UiMessage;
  variant: 'success' | 'info';
  /** The banner takes focus (an action on the same page, where the h1 does not). */
  focus?: boolean;
}

export function flash(message: UiMessage, variant: FlashState['variant'] = 'success', options: { focus?: boolean } = {}): FlashState {
  return { flash: message, variant, ...(options.focus ? { focus: true } : {}) };
}

export function useFlash(): FlashState | null {
  const state = useLocation().state as Partial<FlashState> | null;
  return state?.flash ? { flash: state.flash, variant: state.variant ?? 'success', focus: state.focus } : null;
}

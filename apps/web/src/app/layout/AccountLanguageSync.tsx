import { useEffect, useRef } from 'react';
import { changeLanguage } from '../../lib/i18n';
import { useSession } from '../../lib/session';

/**
 * When a page loads with a signed-in user, the account's language is used (the switcher keeps
 * account and device in step afterwards). Renders nothing.
 */
export function AccountLanguageSync() {
  const { user } = useSession();
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!user || appliedFor.current === user.id) return;
    appliedFor.current = user.id;
    void changeLanguage(user.language);
  }, [user]);
  return null;
}

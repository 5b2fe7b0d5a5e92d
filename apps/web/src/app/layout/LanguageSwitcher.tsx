import { LANGUAGES, type Language } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { useUpdateProfile } from '../../features/account/api/profile';
import { changeLanguage } from '../../lib/i18n';
import { useSession } from '../../lib/session';

/** Each language is named in itself, so people find theirs whatever the current UI language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const updateProfile = useUpdateProfile();

  async function choose(language: Language) {
    await changeLanguage(language);
    // Signed-in users keep the choice in their account too (mails, next devices).
    if (user && user.language !== language) void updateProfile({ language }).catch(() => undefined);
  }

  return (
    <div className="language-switcher" role="group" aria-label={t('nav.languageLabel')}>
      <span className="kern-icon kern-icon--language" aria-hidden="true" />
      {LANGUAGES.map((language) => {
        const active = i18n.resolvedLanguage === language;
        return (
          <button
            key={language}
            type="button"
            lang={language}
            className={`language-switcher__option${active ? ' is-active' : ''}`}
            aria-pressed={active}
            onClick={() => void choose(language)}
          >
            {t(`languages.${language}`, { lng: language })}
          </button>
        );
      })}
    </div>
  );
}

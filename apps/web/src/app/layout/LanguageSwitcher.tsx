import { htmlLang, LANGUAGE_ENDONYMS, LANGUAGES, type Language } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { useUpdateProfile } from '../../features/account/api/profile';
import { changeLanguage, currentLanguage, isLanguage } from '../../lib/i18n';
import { useSession } from '../../lib/session';

/**
 * The ten languages in one list, each named in itself with its own `lang`, so people find theirs
 * whatever the current language (a phone shows its own picker for a select). The language icon
 * marks it for people who cannot read the label.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { user } = useSession();
  const updateProfile = useUpdateProfile();

  async function choose(language: Language) {
    await changeLanguage(language);
    // Signed-in users keep the choice in their account too (mails, next devices).
    if (user && user.language !== language) void updateProfile({ language }).catch(() => undefined);
  }

  return (
    <label className="language-switcher">
      <span className="kern-icon kern-icon--language" aria-hidden="true" />
      <span className="kern-sr-only">{t('nav.languageLabel')}</span>
      <select
        className="language-switcher__select"
        value={currentLanguage()}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void choose(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={htmlLang(language)}>
            {LANGUAGE_ENDONYMS[language]}
          </option>
        ))}
      </select>
    </label>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { useSignLanguageVideo } from '../../features/sign-language/api/sign-language-video';
import { CurrentSignLanguageVideo } from '../../features/sign-language/components/CurrentSignLanguageVideo';
import { SignLanguageVideoForm } from '../../features/sign-language/components/SignLanguageVideoForm';
import { useTextSet } from '../../lib/text-sets';
import { AdminListPage } from '../layout/AdminPages';

const PENDING = { data: undefined, error: null, isPending: true };

/** The page's texts (lib/text-sets); its title and lead are with the other sections' in the main texts. */
const K = 'signLanguage';

/**
 * The city's video in Deutsche Gebärdensprache (BITV 2.0 § 4): the current one as visitors see it,
 * publishing (video + WebVTT captions + description, with progress), replacing and removing it.
 * After each of these, focus moves to "Current video" and a status says what happened.
 */
export function AdminSignLanguageRoute() {
  const { t } = useTranslation();
  const query = useSignLanguageVideo();
  const textsReady = useTextSet('sign-language');
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<{ key: string; at: number } | null>(null);
  useEffect(() => {
    if (notice) heading.current?.focus();
  }, [notice]);

  return (
    <AdminListPage section="admin.signLanguage">
      <QueryState query={textsReady ? query : PENDING}>
        {(state) => (
          <>
            <section className="section" aria-labelledby="sign-language-current-title">
              <h2 className="kern-heading-medium section__title" id="sign-language-current-title" ref={heading} tabIndex={-1}>
                {t(`${K}.currentTitle`)}
              </h2>
              <div role="status" className="app-form__status">
                {notice ? <Alert key={notice.at} variant="success" title={t(notice.key)} /> : null}
              </div>
              {state.video ? (
                <CurrentSignLanguageVideo video={state.video} onRemoved={() => setNotice({ key: `${K}.removed`, at: Date.now() })} />
              ) : (
                <p className="kern-body">{t(`${K}.none`)}</p>
              )}
            </section>
            <Section
              id="sign-language-upload"
              title={t(state.video ? `${K}.replaceTitle` : `${K}.uploadTitle`)}
              intro={t(state.video ? `${K}.replaceIntro` : `${K}.uploadIntro`)}
              boxed
            >
              <SignLanguageVideoForm state={state} onPublished={() => setNotice({ key: `${K}.published`, at: Date.now() })} />
            </Section>
          </>
        )}
      </QueryState>
    </AdminListPage>
  );
}

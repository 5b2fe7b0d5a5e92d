import { htmlLang, LANGUAGE_ENDONYMS, type ProposalDetail, type ProposalTranslation } from '@app/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { FormattedText } from '../../../components/ui/FormattedText';
import { currentLanguage } from '../../../lib/i18n';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
import { translateProposal, useMachineTranslation } from '../api/translation';

/**
 * A proposal's text as written, in its own language (named when it is not the page's). Where the city runs a translation server and the
 * text is in another language than the page, the reader may ask for a machine translation: it is
 * marked as such, replaces nothing stored, and "Show original" brings the author's words back.
 */
export function ProposalText({ proposal, onTitle }: { proposal: ProposalDetail; onTitle: (title: string | null) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const foreign = htmlLang(proposal.language) !== htmlLang(language);
  const info = useMachineTranslation(foreign);
  const [translation, setTranslation] = useState<ProposalTranslation | null>(null);
  const [showing, setShowing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiMessage | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);

  const current = translation && translation.language === language ? translation : null;
  const shown = showing && current ? current : null;
  // The page's h1 follows what is shown (also after a change of the page's language).
  const shownTitle = shown?.title ?? null;
  useEffect(() => onTitle(shownTitle), [shownTitle, onTitle]);

  async function show() {
    setError(null);
    if (!current) {
      setBusy(true);
      try {
        setTranslation(await translateProposal(proposal.id, language));
      } catch (failure) {
        setError(describeError(failure).formError);
        return;
      } finally {
        setBusy(false);
      }
    }
    setShowing(true);
    requestAnimationFrame(() => notice.current?.focus());
  }

  function original() {
    setShowing(false);
    requestAnimationFrame(() => notice.current?.focus());
  }

  return (
    <>
      {foreign ? (
        <div className="proposal-translation">
          <p className="kern-body kern-body--small proposal-translation__notice" ref={notice} tabIndex={-1}>
            {shown
              ? t('proposals.translation.shown', { language: LANGUAGE_ENDONYMS[proposal.language] })
              : t('proposals.translation.writtenIn', { language: LANGUAGE_ENDONYMS[proposal.language] })}
          </p>
          {!info.data?.enabled ? null : shown ? (
            <Button variant="tertiary" small onClick={original}>
              {t('proposals.translation.showOriginal')}
            </Button>
          ) : (
            <Button variant="tertiary" small busy={busy} onClick={() => void show()}>
              {t('proposals.translation.translate')}
            </Button>
          )}
          {error ? <Alert variant="danger" title={translateMessage(t, error)} role="alert" /> : null}
        </div>
      ) : null}
      <div className="proposal-detail__body" lang={htmlLang(shown ? shown.language : proposal.language)}>
        <FormattedText text={shown ? shown.body : proposal.body} />
      </div>
    </>
  );
}

import { htmlLang, LANGUAGE_ENDONYMS, type Language } from '@app/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n';
import { useMachineTranslation } from '../../lib/machine-translation';
import { describeError, translateMessage, type UiMessage } from '../../lib/messages';
import { Alert } from './Alert';
import { Button } from './Button';
import { FormattedText } from './FormattedText';

/** What a translation request answers with (a proposal's also carries its title). */
export interface TextTranslation {
  language: Language;
  body: string;
}

interface ContributionTextProps<T extends TextTranslation> {
  /** The language the contribution is written in. */
  language: Language;
  text: string;
  /** Names the contribution's language when it is not the page's, e.g. "Sprache des Kommentars: Türkçe". */
  writtenIn: (language: string) => string;
  /** Asks the API for the text in the reader's language. */
  translate: (target: Language) => Promise<T>;
  /** Accessible names of the two buttons where a page holds several (each comment's); the visible label stays. */
  buttonNames?: { translate: string; showOriginal: string };
  /** The class of the text's container (its layout belongs to the caller). */
  className: string;
  /** Told what is shown: the translation, or null for the author's words (a proposal's page title follows it). */
  onShown?: (shown: T | null) => void;
}

/**
 * A person's text (a proposal's, a comment's) as written, with its own `lang` and its direction taken
 * from the text, and its language named when it is not the page's. Where the city runs a translation
 * server, the reader may ask for a machine translation: it is marked as such, replaces nothing stored,
 * and "Show original" brings the author's words back. Moderation pages show only the original.
 */
export function ContributionText<T extends TextTranslation>({
  language,
  text,
  writtenIn,
  translate,
  buttonNames,
  className,
  onShown,
}: ContributionTextProps<T>) {
  const { t } = useTranslation();
  const page = currentLanguage();
  const foreign = htmlLang(language) !== htmlLang(page);
  const info = useMachineTranslation(foreign);
  // With the text it translates: an edited comment is translated anew.
  const [translation, setTranslation] = useState<{ of: string; result: T } | null>(null);
  const [showing, setShowing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiMessage | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);

  // A translation into another language than the page's (the reader switched) or of older words is not shown.
  const current = translation && translation.of === text && translation.result.language === page ? translation.result : null;
  const shown = showing && current ? current : null;
  useEffect(() => onShown?.(shown), [shown, onShown]);

  async function show() {
    setError(null);
    if (!current) {
      setBusy(true);
      try {
        setTranslation({ of: text, result: await translate(page) });
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

  const endonym = LANGUAGE_ENDONYMS[language];
  return (
    <>
      {foreign ? (
        <div className="contribution-translation">
          <p className="kern-body kern-body--small contribution-translation__notice" ref={notice} tabIndex={-1}>
            {shown ? t('machineTranslation.shown', { language: endonym }) : writtenIn(endonym)}
          </p>
          {!info.data?.enabled ? null : shown ? (
            <Button variant="tertiary" small onClick={original} aria-label={buttonNames?.showOriginal}>
              {t('machineTranslation.showOriginal')}
            </Button>
          ) : (
            <Button variant="tertiary" small busy={busy} onClick={() => void show()} aria-label={buttonNames?.translate}>
              {t('machineTranslation.translate')}
            </Button>
          )}
          {error ? <Alert variant="danger" title={translateMessage(t, error)} role="alert" /> : null}
        </div>
      ) : null}
      <div className={className} lang={htmlLang(shown ? shown.language : language)} dir="auto">
        <FormattedText text={shown ? shown.body : text} />
      </div>
    </>
  );
}

import { htmlLang, LANGUAGE_ENDONYMS, LIVE_PROPOSAL_MAX, type Language, type LiveMe, type LiveState } from '@app/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { LanguageSelect } from '../../../components/ui/LanguageSelect';
import { currentLanguage } from '../../../lib/i18n';
import type { LiveConnection } from '../hooks/useLive';
import { ActionError, useLiveAction } from './common';

/** The participant's proposals from the hall: the form to send one (in a language the person confirms) and the approved ones to support. */
export function IntakeSection({ live, state, me }: { live: LiveConnection; state: LiveState; me: LiveMe }) {
  const { t } = useTranslation();
  const submitAction = useLiveAction();
  const supportAction = useLiveAction();
  const [text, setText] = useState('');
  // The phone's interface language until the person chooses another for what they write.
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const page = currentLanguage();
  const language = chosenLanguage ?? page;
  const [sent, setSent] = useState(false);
  const [tooLong, setTooLong] = useState(false);
  if (!state.intakeOpen && state.proposals.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    setSent(false);
    if (!trimmed || trimmed.length > LIVE_PROPOSAL_MAX) {
      setTooLong(true);
      return;
    }
    setTooLong(false);
    await submitAction.run(
      () => live.send('proposal:submit', { text: trimmed, agendaItemId: state.currentItemId, language }),
      () => {
        setText('');
        setSent(true);
      },
    );
  }

  return (
    <section className="live-card" aria-labelledby="live-intake-title">
      <h2 className="kern-heading-small" id="live-intake-title">
        {t('live.intake.heading')}{' '}
        <Badge variant={state.intakeOpen ? 'success' : 'info'}>{state.intakeOpen ? t('live.intake.open') : t('live.intake.closed')}</Badge>
      </h2>
      {state.intakeOpen && me.participant ? (
        <form onSubmit={submit} noValidate className="live-intake">
          <div className={`kern-form-input${tooLong ? ' kern-form-input--error' : ''}`}>
            <label className="kern-label" htmlFor="live-proposal-text">
              {t('live.intake.label')}
            </label>
            <div className="kern-hint" id="live-proposal-hint">
              {t('live.intake.hint', { count: LIVE_PROPOSAL_MAX, used: text.length })}
            </div>
            <textarea
              id="live-proposal-text"
              className={`kern-form-input__input${tooLong ? ' kern-form-input__input--error' : ''}`}
              rows={3}
              dir="auto"
              value={text}
              maxLength={LIVE_PROPOSAL_MAX}
              aria-describedby={tooLong ? 'live-proposal-hint live-proposal-error' : 'live-proposal-hint'}
              aria-invalid={tooLong || undefined}
              onChange={(event) => setText(event.target.value)}
            />
            {tooLong ? (
              <p className="kern-error" id="live-proposal-error">
                <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
                <span className="kern-body">{t('live.intake.required', { count: LIVE_PROPOSAL_MAX })}</span>
              </p>
            ) : null}
          </div>
          <LanguageSelect
            id="live-proposal-language"
            label={t('live.intake.language')}
            value={language}
            onChange={(next) => setChosenLanguage(next || null)}
          />
          <ActionError action={submitAction} />
          <Button type="submit" busy={submitAction.busy} icon="add">
            {t('live.intake.submit')}
          </Button>
          <div role="status">{sent ? <Alert variant="success" title={t('live.intake.sent')} /> : null}</div>
        </form>
      ) : null}
      <h3 className="kern-heading-x-small">{t('live.intake.approved', { count: state.proposals.length })}</h3>
      {state.proposals.length === 0 ? (
        <p className="kern-body">{t('live.intake.noneYet')}</p>
      ) : (
        <ul className="live-proposals">
          {state.proposals.map((proposal) => {
            const supported = me.supportedProposalIds.includes(proposal.id);
            return (
              <li key={proposal.id} className="live-proposals__item">
                <p className="kern-body live-proposals__text" dir="auto" lang={htmlLang(proposal.language)}>
                  {proposal.text}
                </p>
                <p className="kern-body kern-body--small live-proposals__meta">
                  {proposal.author ?? t('live.intake.onBehalf')} · {/* Its language where it is not the phone's, named in itself. */}
                  {htmlLang(proposal.language) !== htmlLang(page) ? (
                    <>
                      <span lang={htmlLang(proposal.language)}>{LANGUAGE_ENDONYMS[proposal.language]}</span> ·{' '}
                    </>
                  ) : null}
                  <span>{t('live.intake.supportCount', { count: proposal.supportCount })}</span>
                </p>
                {me.participant ? (
                  <Button
                    variant={supported ? 'primary' : 'secondary'}
                    small
                    icon={supported ? 'check' : 'add'}
                    aria-pressed={supported}
                    busy={supportAction.busy}
                    onClick={() =>
                      void supportAction.run(
                        () => live.send('proposal:support', { proposalId: proposal.id, support: !supported }),
                        () => void live.resync(),
                      )
                    }
                  >
                    {t('live.intake.support')}
                    <span className="live-sr-only" lang={htmlLang(proposal.language)}>
                      {' '}
                      {proposal.text.slice(0, 60)}
                    </span>
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <ActionError action={supportAction} />
    </section>
  );
}

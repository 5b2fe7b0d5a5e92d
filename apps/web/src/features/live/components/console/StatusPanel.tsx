import { AssemblyStatus, htmlLang, LANGUAGE_ENDONYMS, LANGUAGES, type Language } from '@app/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../../components/ui/Badge';
import { Button } from '../../../../components/ui/Button';
import { FormField } from '../../../../components/ui/FormField';
import { currentLanguage } from '../../../../lib/i18n';
import { ActionError, useLiveAction } from '../common';
import { useConsole } from './ConsoleContext';
import { Panel } from './Panel';

/** Opening and closing the assembly, attendance, the codes and the links (projector, minutes). */
export function StatusPanel() {
  const { live, state, moderator, announce } = useConsole();
  const { t } = useTranslation();
  const action = useLiveAction();
  const [confirmClose, setConfirmClose] = useState(false);
  const lang = currentLanguage();
  const a = moderator.attendance;
  const setStatus = (status: 'live' | 'closed') =>
    void action.run(
      () => live.send('assembly:set-status', { status }),
      () => {
        setConfirmClose(false);
        announce(t(`live.console.status.done.${status}`));
      },
    );
  return (
    <Panel id="console-status" title={t('live.console.status.heading')} wide>
      <div className="live-status-row">
        <p className="kern-body">
          {t('live.console.status.label')}{' '}
          <Badge variant={state.status === AssemblyStatus.Live ? 'success' : 'info'}>{t(`live.assembly.status.${state.status}`)}</Badge>
        </p>
        {state.status === AssemblyStatus.Planned ? (
          <Button icon="arrow-forward" busy={action.busy} onClick={() => setStatus('live')}>
            {t('live.console.status.open')}
          </Button>
        ) : null}
        {state.status === AssemblyStatus.Live && !confirmClose ? (
          <Button variant="secondary" icon="close" onClick={() => setConfirmClose(true)}>
            {t('live.console.status.close')}
          </Button>
        ) : null}
        {confirmClose ? (
          <div className="live-confirm" role="group" aria-label={t('live.console.status.confirmLabel')}>
            <p className="kern-body">{t('live.console.status.confirmText')}</p>
            <Button icon="check" busy={action.busy} onClick={() => setStatus('closed')}>
              {t('live.console.status.confirmYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirmClose(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        ) : null}
      </div>
      <ActionError action={action} />
      <dl className="live-stats">
        {(
          [
            ['hall', a.hall],
            ['online', a.online],
            ['checkedIn', a.checkedIn],
            ['connected', a.connected],
            ['total', a.total],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="live-stats__item">
            <dt className="kern-body kern-body--small">{t(`live.console.attendance.${key}`)}</dt>
            <dd className="kern-heading-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="kern-body">
        {t('live.console.joinCode')} <strong className="live-code">{state.joinCode}</strong>
      </p>
      <ProjectorLanguage />
      <ul className="live-links">
        <li>
          <a className="kern-link" href={`/assemblies/${state.assemblyId}/projector`} target="_blank" rel="noreferrer">
            {t('live.console.links.projector')} <span className="live-sr-only">{t('live.console.links.newWindow')}</span>
          </a>
        </li>
        <li>
          <a className="kern-link" href={`/assemblies/${state.assemblyId}/live`}>
            {t('live.console.links.participant')}
          </a>
        </li>
        <li>
          <a className="kern-link" href={`/api/assemblies/${state.assemblyId}/minutes.pdf?lang=${lang}`} download>
            {t('live.console.links.minutesPdf')}
          </a>
        </li>
        <li>
          <a className="kern-link" href={`/api/assemblies/${state.assemblyId}/minutes.md?lang=${lang}`} download>
            {t('live.console.links.minutesMd')}
          </a>
        </li>
      </ul>
    </Panel>
  );
}

/**
 * The hall screen's second language: questions, options, results and the screen's own texts appear in
 * it as well (typed texts where the moderation translated them). Kept with the assembly, so a projector
 * that reconnects or is opened again shows it too; `?second=tr` on the projector's address overrides it.
 */
function ProjectorLanguage() {
  const { live, state, announce } = useConsole();
  const { t } = useTranslation();
  const action = useLiveAction();
  const [chosen, setChosen] = useState<Language | '' | null>(null);
  const value = chosen ?? state.projectorLanguage ?? '';
  async function apply(event: FormEvent) {
    event.preventDefault();
    const language = value === '' ? null : value;
    await action.run(
      () => live.send('projector:language', { language }),
      () => {
        setChosen(null);
        announce(
          language
            ? t('live.console.projectorLanguage.set', { language: LANGUAGE_ENDONYMS[language] })
            : t('live.console.projectorLanguage.cleared'),
        );
      },
    );
  }
  return (
    <form className="live-form live-projector-language" onSubmit={apply} noValidate>
      <FormField
        id="projector-language"
        label={t('live.console.projectorLanguage.label')}
        hint={t('live.console.projectorLanguage.hint')}
        inputClass="kern-form-input__select"
      >
        {(aria) => (
          <div className="kern-form-input__select-wrapper">
            <select id="projector-language" {...aria} value={value} onChange={(event) => setChosen(event.target.value as Language | '')}>
              <option value="">{t('live.console.projectorLanguage.none')}</option>
              {LANGUAGES.map((language) => (
                <option key={language} value={language} lang={htmlLang(language)}>
                  {LANGUAGE_ENDONYMS[language]}
                </option>
              ))}
            </select>
          </div>
        )}
      </FormField>
      <ActionError action={action} />
      <Button type="submit" variant="secondary" small icon="check" busy={action.busy}>
        {t('live.console.projectorLanguage.apply')}
      </Button>
    </form>
  );
}

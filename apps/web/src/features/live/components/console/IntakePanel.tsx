import { htmlLang, LANGUAGE_ENDONYMS, LANGUAGES, LIVE_PROPOSAL_MAX, type Language, type LiveProposal } from '@app/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../../components/ui/Badge';
import { Button } from '../../../../components/ui/Button';
import { FormField } from '../../../../components/ui/FormField';
import { LanguageSelect } from '../../../../components/ui/LanguageSelect';
import { currentLanguage } from '../../../../lib/i18n';
import { ActionError, useLiveAction } from '../common';
import { useConsole } from './ConsoleContext';
import { Panel } from './Panel';

/** The language a proposal is written in, named in itself (read in its own voice). */
function LanguageBadge({ proposal }: { proposal: LiveProposal }) {
  const { t } = useTranslation();
  return (
    <Badge variant="info">
      <span className="live-sr-only">{t('live.console.intake.languageOf')} </span>
      <span lang={htmlLang(proposal.language)}>{LANGUAGE_ENDONYMS[proposal.language]}</span>
    </Badge>
  );
}

/** The languages of these proposals with their numbers, in the order of the language chooser. */
function languagesOf(proposals: LiveProposal[]): Array<{ language: Language; count: number }> {
  return LANGUAGES.map((language) => ({ language, count: proposals.filter((p) => p.language === language).length })).filter(
    (entry) => entry.count > 0,
  );
}

/** Proposals from the room: collecting on and off, moderating, and paper cards entered on behalf. */
export function IntakePanel() {
  const { live, state, moderator, announce } = useConsole();
  const { t } = useTranslation();
  const toggle = useLiveAction();
  const moderate = useLiveAction();
  const paper = useLiveAction();
  const [text, setText] = useState('');
  const [sourceNote, setSourceNote] = useState('');
  // A card's language: the console's language until the moderator chooses the card's.
  const [paperLanguage, setPaperLanguage] = useState<Language | null>(null);
  const [paperError, setPaperError] = useState(false);
  // The lists can be narrowed to one language where the room writes in more than one.
  const [languageFilter, setLanguageFilter] = useState<Language | ''>('');
  const languages = languagesOf([...moderator.pendingProposals, ...state.proposals]);
  const filter = languages.some((entry) => entry.language === languageFilter) ? languageFilter : '';
  const inFilter = (proposal: LiveProposal) => !filter || proposal.language === filter;
  const pending = moderator.pendingProposals.filter(inFilter);
  const approved = state.proposals.filter(inFilter);

  async function addPaper(event: FormEvent) {
    event.preventDefault();
    const body = { text: text.trim(), sourceNote: sourceNote.trim(), language: paperLanguage ?? currentLanguage() };
    setPaperError(!body.text || !body.sourceNote);
    if (!body.text || !body.sourceNote) return;
    await paper.run(
      () => live.send('proposal:on-behalf', body),
      () => {
        setText('');
        announce(t('live.console.intake.paperAdded'));
      },
    );
  }

  return (
    <Panel
      id="console-intake"
      title={
        <>
          {t('live.console.intake.heading')}{' '}
          <Badge variant={state.intakeOpen ? 'success' : 'info'}>
            {state.intakeOpen ? t('live.intake.open') : t('live.intake.closed')}
          </Badge>
        </>
      }
    >
      <Button
        variant={state.intakeOpen ? 'secondary' : 'primary'}
        busy={toggle.busy}
        onClick={() =>
          void toggle.run(
            () => live.send('intake:set', { open: !state.intakeOpen }),
            () => announce(t(state.intakeOpen ? 'live.console.intake.closedNow' : 'live.console.intake.openedNow')),
          )
        }
      >
        {state.intakeOpen ? t('live.console.intake.close') : t('live.console.intake.open')}
      </Button>
      <ActionError action={toggle} />
      {languages.length > 1 ? (
        <div className="live-intake-filter">
          <LanguageSelect
            id="console-intake-language"
            label={t('live.console.intake.languageFilter')}
            value={filter}
            onChange={setLanguageFilter}
            emptyOption={t('live.console.intake.allLanguages')}
            options={languages.map((entry) => ({
              value: entry.language,
              label: `${LANGUAGE_ENDONYMS[entry.language]} (${entry.count})`,
              lang: htmlLang(entry.language),
            }))}
          />
        </div>
      ) : null}
      <h3 className="kern-heading-x-small">{t('live.console.intake.pending', { count: pending.length })}</h3>
      {pending.length === 0 ? <p className="kern-body">{t('live.console.intake.noPending')}</p> : null}
      <ul className="live-proposals">
        {pending.map((proposal) => (
          <li key={proposal.id} className="live-proposals__item">
            <p className="kern-body live-proposals__text" dir="auto" lang={htmlLang(proposal.language)}>
              {proposal.text}
            </p>
            <p className="kern-body kern-body--small">
              <LanguageBadge proposal={proposal} /> {proposal.author ?? proposal.sourceNote ?? t('live.intake.onBehalf')}
            </p>
            <div className="live-actions">
              <Button
                small
                icon="check"
                busy={moderate.busy}
                onClick={() =>
                  void moderate.run(
                    () => live.send('proposal:moderate', { proposalId: proposal.id, decision: 'approve' }),
                    () => announce(t('live.console.intake.approvedNow')),
                  )
                }
              >
                {t('live.console.intake.approve')}
                <span className="live-sr-only">
                  : <span lang={htmlLang(proposal.language)}>{proposal.text.slice(0, 60)}</span>
                </span>
              </Button>
              <Button
                small
                variant="secondary"
                icon="close"
                busy={moderate.busy}
                onClick={() =>
                  void moderate.run(
                    () => live.send('proposal:moderate', { proposalId: proposal.id, decision: 'reject' }),
                    () => announce(t('live.console.intake.rejectedNow')),
                  )
                }
              >
                {t('live.console.intake.reject')}
                <span className="live-sr-only">
                  : <span lang={htmlLang(proposal.language)}>{proposal.text.slice(0, 60)}</span>
                </span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <ActionError action={moderate} />
      <h3 className="kern-heading-x-small">{t('live.intake.approved', { count: approved.length })}</h3>
      <ul className="live-proposals">
        {approved.map((proposal) => (
          <li key={proposal.id} className="live-proposals__item">
            <p className="kern-body live-proposals__text" dir="auto" lang={htmlLang(proposal.language)}>
              {proposal.text}
            </p>
            <p className="kern-body kern-body--small">
              <LanguageBadge proposal={proposal} /> {proposal.author ?? proposal.sourceNote ?? t('live.intake.onBehalf')} ·{' '}
              {t('live.intake.supportCount', { count: proposal.supportCount })}
            </p>
          </li>
        ))}
      </ul>
      {moderator.rejectedProposals.length > 0 ? (
        <p className="kern-body kern-body--small">
          {t('live.console.intake.rejectedCount', { count: moderator.rejectedProposals.length })}
        </p>
      ) : null}
      <form className="live-form" onSubmit={addPaper} noValidate aria-labelledby="console-paper">
        <h3 className="kern-heading-x-small" id="console-paper">
          {t('live.console.intake.paper')}
        </h3>
        <FormField id="paper-text" label={t('live.console.intake.paperText')}>
          {(aria) => (
            <textarea
              id="paper-text"
              {...aria}
              rows={2}
              dir="auto"
              maxLength={LIVE_PROPOSAL_MAX}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </FormField>
        <FormField id="paper-source" label={t('live.console.intake.paperSource')} hint={t('live.console.intake.paperSourceHint')}>
          {(aria) => (
            <input id="paper-source" {...aria} maxLength={200} value={sourceNote} onChange={(event) => setSourceNote(event.target.value)} />
          )}
        </FormField>
        <LanguageSelect
          id="paper-language"
          label={t('live.console.intake.paperLanguage')}
          value={paperLanguage ?? currentLanguage()}
          onChange={(next) => setPaperLanguage(next || null)}
        />
        {paperError ? (
          <p className="kern-error" role="alert">
            <span className="kern-body">{t('live.console.intake.paperRequired')}</span>
          </p>
        ) : null}
        <ActionError action={paper} />
        <Button type="submit" variant="secondary" icon="add" busy={paper.busy}>
          {t('live.console.intake.paperSubmit')}
        </Button>
      </form>
    </Panel>
  );
}

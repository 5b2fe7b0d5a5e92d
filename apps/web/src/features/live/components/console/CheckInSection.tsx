import { CHECK_IN_CARDS_PER_REQUEST, type CheckInCard, type ErrorCode, type IssuedCheckInCard, type LiveAck } from '@app/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { FormField } from '../../../../components/ui/FormField';
import { ApiError } from '../../../../lib/api-client';
import { doorCheckIn, printCards, replaceCard, revokeCard, useCheckInCards } from '../../api/check-in-cards';
import { ActionError, useLiveAction } from '../common';
import { useConsole } from './ConsoleContext';
import { Panel } from './Panel';

/** A REST call as a live action's answer, so the console shows its errors (and retries) like every other step. */
async function asAck<T>(call: () => Promise<T>): Promise<LiveAck<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { ok: false, error: { statusCode: error.status, error: '', code: error.code as ErrorCode, message: error.message } };
  }
}

/** As printed on the card: two groups of five. */
const printed = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/**
 * The entrance: personal check-in cards. Print a sheet before the assembly, check people in at the
 * door (a participant, or the name of a person without a phone), revoke and replace lost cards.
 */
export function CheckInSection() {
  const { state, moderator, announce } = useConsole();
  const { t } = useTranslation();
  const c = moderator.checkIn;
  const revision = `${c.eligible}-${c.issued}-${c.revoked}-${moderator.attendance.total}-${moderator.attendance.checkedIn}`;
  const data = useCheckInCards(state.assemblyId, revision);
  const [count, setCount] = useState('40');
  const [participantId, setParticipantId] = useState('');
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ text: string; withCode: boolean } | null>(null);
  const [missing, setMissing] = useState(false);
  const issuedRef = useRef<HTMLParagraphElement>(null);
  const print = useLiveAction();
  const door = useLiveAction();
  const cardAction = useLiveAction();

  const show = (text: string, withCode = true) => {
    setIssued({ text, withCode });
    announce(text);
  };
  // Focus on the new card's code once it is on screen (it is shown this once).
  useEffect(() => {
    if (issued) issuedRef.current?.focus();
  }, [issued]);

  async function submitPrint(event: FormEvent) {
    event.preventDefault();
    const n = Math.min(CHECK_IN_CARDS_PER_REQUEST, Math.max(1, Math.round(Number(count) || 1)));
    await print.run(
      () => asAck(() => printCards(state.assemblyId, n)),
      () => announce(t('live.console.checkIn.printDone')),
    );
  }

  async function submitDoor(event: FormEvent) {
    event.preventDefault();
    const who = participantId ? { participantId } : name.trim() ? { name: name.trim() } : null;
    setMissing(!who);
    if (!who) return;
    await door.run(
      () => asAck(() => doorCheckIn(state.assemblyId, who)),
      (card: IssuedCheckInCard) => {
        setParticipantId('');
        setName('');
        show(t('live.console.checkIn.issued', { number: card.card.number, holder: card.card.holder ?? '', code: printed(card.code) }));
      },
    );
  }

  const revoke = (card: CheckInCard, replace: boolean) =>
    void cardAction.run(
      () =>
        asAck(async () =>
          replace ? (await replaceCard(state.assemblyId, card.id)).replacement : (await revokeCard(state.assemblyId, card.id)).replacement,
        ),
      (replacement: IssuedCheckInCard | null) =>
        show(
          replacement
            ? `${t('live.console.checkIn.revoked', { number: card.number })} ${t('live.console.checkIn.issuedNew', { number: replacement.card.number, code: printed(replacement.code) })}`
            : t('live.console.checkIn.revoked', { number: card.number }),
          Boolean(replacement),
        ),
    );

  const cards = data.data?.cards.items ?? [];
  const withoutCard = (data.data?.participants.items ?? []).filter((p) => !p.checkedIn);
  return (
    <Panel id="console-checkin" title={t('live.console.tabs.checkin')}>
      <p className="kern-body">{t('live.console.checkIn.intro')}</p>
      <p className="kern-body kern-body--bold" data-testid="check-in-summary">
        {t('live.console.checkIn.summary', { eligible: c.eligible, issued: c.issued, revoked: c.revoked })}
      </p>
      {issued ? (
        <div className="kern-alert kern-alert--info app-alert" role="status">
          <p className="kern-body kern-body--bold" tabIndex={-1} ref={issuedRef} data-testid="check-in-issued">
            {issued.text}
          </p>
          {issued.withCode ? <p className="kern-body kern-body--small">{t('live.console.checkIn.issuedHint')}</p> : null}
        </div>
      ) : null}

      <form className="live-form" onSubmit={submitDoor} noValidate aria-labelledby="checkin-door-heading">
        <h4 className="kern-heading-x-small" id="checkin-door-heading">
          {t('live.console.checkIn.doorHeading')}
        </h4>
        <FormField id="checkin-participant" label={t('live.console.checkIn.doorParticipant')} inputClass="kern-form-input__select">
          {(aria) => (
            <div className="kern-form-input__select-wrapper">
              <select id="checkin-participant" {...aria} value={participantId} onChange={(event) => setParticipantId(event.target.value)}>
                <option value="">{t('live.console.checkIn.doorChoose')}</option>
                {withoutCard.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </select>
            </div>
          )}
        </FormField>
        <FormField id="checkin-name" label={t('live.console.checkIn.doorName')} hint={t('live.console.checkIn.doorNameHint')}>
          {(aria) => (
            <input
              id="checkin-name"
              {...aria}
              maxLength={80}
              value={name}
              disabled={Boolean(participantId)}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </FormField>
        {missing ? (
          <p className="kern-body live-form__error" role="alert">
            {t('live.console.checkIn.doorMissing')}
          </p>
        ) : null}
        <ActionError action={door} />
        <Button type="submit" small icon="check" busy={door.busy}>
          {t('live.console.checkIn.doorSubmit')}
        </Button>
      </form>

      <form className="live-form" onSubmit={submitPrint} noValidate aria-labelledby="checkin-print-heading">
        <h4 className="kern-heading-x-small" id="checkin-print-heading">
          {t('live.console.checkIn.printHeading')}
        </h4>
        <FormField id="checkin-count" label={t('live.console.checkIn.printCount')} hint={t('live.console.checkIn.printHint')}>
          {(aria) => (
            <input
              id="checkin-count"
              {...aria}
              className={`${aria.className} live-number`}
              type="number"
              min={1}
              max={CHECK_IN_CARDS_PER_REQUEST}
              inputMode="numeric"
              value={count}
              onChange={(event) => setCount(event.target.value)}
            />
          )}
        </FormField>
        <ActionError action={print} />
        <Button type="submit" small icon="download" busy={print.busy}>
          {t('live.console.checkIn.printSubmit')}
        </Button>
      </form>

      <h4 className="kern-heading-x-small">{t('live.console.checkIn.listHeading')}</h4>
      <ActionError action={cardAction} />
      {cards.length ? (
        <div className="kern-table-responsive live-table" tabIndex={0} role="region" aria-label={t('live.console.checkIn.listHeading')}>
          <table className="kern-table kern-table--small">
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th className="kern-table__header kern-table__header--numeric" scope="col">
                  {t('live.console.checkIn.number')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('live.console.checkIn.status')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('live.console.checkIn.holder')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('live.console.checkIn.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {cards.map((card) => (
                <tr className="kern-table__row" key={card.id}>
                  <td className="kern-table__cell kern-table__cell--numeric">{card.number}</td>
                  <td className="kern-table__cell">
                    {t(`live.console.checkIn.${card.status === 'revoked' ? 'revokedStatus' : card.status}`)}
                  </td>
                  <td className="kern-table__cell">{card.holder ?? '–'}</td>
                  <td className="kern-table__cell">
                    {card.status === 'revoked' ? null : (
                      <span className="live-actions">
                        <Button
                          small
                          variant="secondary"
                          busy={cardAction.busy}
                          aria-label={t('live.console.checkIn.revokeLabel', { number: card.number })}
                          onClick={() => revoke(card, false)}
                        >
                          {t('live.console.checkIn.revoke')}
                        </Button>
                        <Button
                          small
                          variant="tertiary"
                          busy={cardAction.busy}
                          aria-label={t('live.console.checkIn.replaceLabel', { number: card.number })}
                          onClick={() => revoke(card, true)}
                        >
                          {t('live.console.checkIn.replace')}
                        </Button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="kern-body">{t('live.console.checkIn.empty')}</p>
      )}
    </Panel>
  );
}

import { APPLICATION_STATE_INFO, ApplicationSource, type ApplicationDetail } from '@app/shared/funds';
import type { ProposalAttachment } from '@app/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormattedText } from '../../../components/ui/FormattedText';
import { Section } from '../../../components/ui/Section';
import { TableRegion } from '../../../components/ui/TableRegion';
import { Term } from '../../../components/ui/Term';
import { formatDate, formatFileSize } from '../../../lib/format';
import { ApplicationStateBadge, ApplicationTimeline } from './Applications';
import { stateDescription, useEuro } from './funds-text';

function AttachmentLinks({ attachments }: { attachments: ProposalAttachment[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return <p className="kern-body">{t('funds.detail.noAttachments')}</p>;
  return (
    <ul className="kern-list link-list">
      {attachments.map((attachment) => (
        <li key={attachment.id} id={`attachment-${attachment.id}`} tabIndex={-1}>
          <a className="kern-link" href={attachment.url} download={attachment.fileName}>
            {attachment.fileName}
          </a>{' '}
          <span className="fund-muted">({formatFileSize(attachment.size)})</span>
          {attachment.description ? <span className="kern-body"> – {attachment.description}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Amounts({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const euro = useEuro();
  const rows: [string, number | null | undefined][] = [
    ['requestedAmount', application.requestedAmountCents],
    ['approvedAmount', application.approvedAmountCents],
    ['paidAmount', application.paidAmountCents],
    ['spentAmount', application.proof?.spentAmountCents],
    ['returnedAmount', application.proof?.returnedAmountCents],
  ];
  return (
    <dl className="proposal-meta proposal-meta--detail application-amounts">
      {rows.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`funds.fields.${key}`)}</dt>
          <dd>{value === null || value === undefined ? t('funds.detail.notYet') : euro(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The cost items as a table with their sum (the requested amount). */
export function CostTable({ items, caption }: { items: ApplicationDetail['costItems']; caption: string }) {
  const { t } = useTranslation();
  const euro = useEuro();
  const sum = items.reduce((total, item) => total + item.amountCents, 0);
  return (
    <TableRegion label={caption}>
      <table className="kern-table kern-table--small cost-table">
        <caption className="kern-sr-only">{caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th className="kern-table__header" scope="col">
              {t('funds.fields.costItem')}
            </th>
            <th className="kern-table__header kern-table__header--numeric" scope="col">
              {t('funds.fields.costAmountHeader')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {items.map((item, index) => (
            <tr className="kern-table__row" key={`${index}-${item.label}`}>
              <th className="kern-table__header" scope="row">
                {item.label}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">{euro(item.amountCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="kern-table__row">
            <th className="kern-table__header" scope="row">
              {t('funds.detail.sum')}
            </th>
            <td className="kern-table__cell kern-table__cell--numeric">
              <strong>{euro(sum)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}

/** Everything public about an application, and its contact for those who may see it. */
export function ApplicationView({
  application,
  fieldName,
  actions,
}: {
  application: ApplicationDetail;
  fieldName: string | null;
  /** The steps the signed-in person may take, right under the state. */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { proof, project } = application;
  return (
    <>
      <div className="application-state">
        <p className="application-state__badge">
          <ApplicationStateBadge state={application.state} />
        </p>
        <p className="kern-body application-state__text">{stateDescription(t, application.state)}</p>
      </div>
      {actions}
      <p className="kern-body">
        <Term name="actionAreaFund" />
        {': '}
        <Link className="kern-link" to={`/fonds/${application.fund.id}`}>
          {application.fund.title}
        </Link>
      </p>
      <Section id="purpose" title={t('funds.fields.purpose')}>
        <FormattedText text={application.purpose} />
      </Section>
      <Section id="costs" title={t('funds.detail.costsTitle')}>
        <CostTable items={application.costItems} caption={t('funds.detail.costsTitle')} />
        <Amounts application={application} />
      </Section>
      <Section id="facts" title={t('funds.detail.factsTitle')}>
        <dl className="proposal-meta proposal-meta--detail">
          <div>
            <dt>{t('funds.fields.applicant')}</dt>
            <dd>
              {application.applicantName ?? t('common.nameErased')} ({t(`funds.applicantKinds.${application.applicantKind}`)})
            </dd>
          </div>
          <div>
            <dt>{t('funds.fields.source')}</dt>
            <dd>
              {t(`funds.sources.${application.source}`)}
              {application.source === ApplicationSource.Paper && application.sourceNote ? ` – ${application.sourceNote}` : ''}
            </dd>
          </div>
          {fieldName ? (
            <div>
              <dt>
                <Term name="fieldOfAction" />
              </dt>
              <dd>{fieldName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('funds.fields.neighbourhood')}</dt>
            <dd>{application.neighbourhood?.name ?? t('funds.form.wholeArea')}</dd>
          </div>
          {application.startDate || application.endDate ? (
            <div>
              <dt>{t('funds.fields.timeFrame')}</dt>
              <dd>{t('funds.list.period', { from: formatDate(application.startDate), to: formatDate(application.endDate) })}</dd>
            </div>
          ) : null}
          {application.submittedAt ? (
            <div>
              <dt>{t('funds.fields.submittedAt')}</dt>
              <dd>{formatDate(application.submittedAt)}</dd>
            </div>
          ) : null}
        </dl>
        {application.proposalId || application.projectIdeaId || project ? (
          <ul className="kern-list link-list">
            {application.proposalId ? (
              <li>
                <Link className="kern-link" to={`/proposals/${application.proposalId}`}>
                  {t('funds.detail.fromProposal')}
                </Link>
              </li>
            ) : null}
            {application.projectIdeaId ? (
              <li>
                <Link className="kern-link" to={`/projects/${application.projectIdeaId}`}>
                  {t('funds.detail.fromIdea')}
                </Link>
              </li>
            ) : null}
            {project ? (
              <li>
                <Term name="singleProject" />
                {': '}
                <Link className="kern-link" to={`/projects/${project.id}`}>
                  {project.title}
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
      </Section>
      {application.contact ? (
        <Section id="contact" title={t('funds.detail.contactTitle')} intro={t('funds.detail.contactPrivate')}>
          <dl className="proposal-meta proposal-meta--detail">
            {(['name', 'email', 'phone', 'address'] as const).map((key) =>
              application.contact?.[key] ? (
                <div key={key}>
                  <dt>{t(`funds.fields.${key === 'name' ? 'contactName' : key}`)}</dt>
                  <dd>{application.contact[key]}</dd>
                </div>
              ) : null,
            )}
          </dl>
        </Section>
      ) : null}
      <Section id="attachments" title={t('funds.detail.attachmentsTitle')}>
        <AttachmentLinks attachments={application.attachments} />
      </Section>
      {proof ? (
        <Section id="proof" title={t('funds.detail.proofTitle')}>
          <p className="kern-body">{t('funds.detail.proofSubmitted', { date: formatDate(proof.submittedAt) })}</p>
          <CostTable items={proof.spentItems} caption={t('funds.detail.proofItems')} />
          <FormattedText text={proof.report} />
          <AttachmentLinks attachments={proof.attachments} />
        </Section>
      ) : null}
      <Section id="timeline" title={t('funds.detail.timelineTitle')} intro={t('funds.detail.timelineIntro')}>
        <ApplicationTimeline events={application.timeline} />
      </Section>
      {APPLICATION_STATE_INFO[application.state].public ? null : <p className="kern-body">{t('funds.detail.draftPrivate')}</p>}
    </>
  );
}

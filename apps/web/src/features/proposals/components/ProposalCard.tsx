import { htmlLang, type ProposalSummary } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/ui/StatusBadge';
import { formatDate } from '../../../lib/format';
import { localizedName } from './localized';

/** One proposal in a list: title link, excerpt, field, area, status, supports and comments. */
export function ProposalCard({ proposal, headingLevel = 2 }: { proposal: ProposalSummary; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="kern-card proposal-card">
      <div className="kern-card__container">
        <div className="kern-card__header proposal-card__header">
          <StatusBadge status={proposal.status} />
          <Heading className="kern-title proposal-card__title">
            <Link className="kern-link" to={`/proposals/${proposal.id}`} dir="auto" lang={htmlLang(proposal.language)}>
              {proposal.title}
            </Link>
          </Heading>
        </div>
        <div className="kern-card__body">
          <p className="kern-body proposal-card__excerpt" dir="auto" lang={htmlLang(proposal.language)}>
            {proposal.excerpt}
          </p>
          <dl className="proposal-meta">
            <div>
              <dt>{t('proposals.field')}</dt>
              <dd>{localizedName(proposal.fieldOfAction.name, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('proposals.area')}</dt>
              <dd>{proposal.area.name}</dd>
            </div>
            <div>
              <dt>{t('proposals.supports')}</dt>
              <dd>{proposal.supportCount}</dd>
            </div>
            <div>
              <dt>{t('proposals.comments')}</dt>
              <dd>{proposal.commentCount}</dd>
            </div>
            <div>
              <dt>{t('proposals.createdAt')}</dt>
              <dd>{formatDate(proposal.createdAt)}</dd>
            </div>
          </dl>
        </div>
      </div>
    </article>
  );
}

export function ProposalList({ proposals, headingLevel }: { proposals: ProposalSummary[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="proposal-list">
      {proposals.map((proposal) => (
        <li key={proposal.id}>
          <ProposalCard proposal={proposal} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

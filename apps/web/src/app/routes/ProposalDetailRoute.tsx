import { htmlLang, ReportTargetType, Role, type Language, type ProposalDetail, type ProposalTranslation } from '@app/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { ButtonLink } from '../../components/ui/Button';
import { ContributionText } from '../../components/ui/ContributionText';
import { Page } from '../../components/ui/Page';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { StatusBadge } from '../../components/ui/StatusBadge';
import { CommentThread } from '../../features/comments/components/CommentThread';
import { ProposalProject } from '../../features/projects/components/ProposalProject';
import { useProposal } from '../../features/proposals/api/proposals';
import { AttachmentUpload, ProposalAttachments } from '../../features/proposals/components/Attachments';
import { FollowButton } from '../../features/proposals/components/FollowButton';
import { localizedName } from '../../features/proposals/components/localized';
import { AnswerForm, MergeForm } from '../../features/proposals/components/ModeratorForms';
import { ReportButton } from '../../features/proposals/components/ReportDialog';
import { StatusHistory } from '../../features/proposals/components/StatusHistory';
import { SupportButton } from '../../features/proposals/components/SupportButton';
import { WithdrawForm } from '../../features/proposals/components/WithdrawForm';
import { translateProposal } from '../../features/proposals/api/translation';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { NotFoundRoute } from './NotFoundRoute';
import { ApiError } from '../../lib/api-client';
import { withReturnTo } from '../../lib/return-path';

const OPEN = new Set(['submitted', 'evaluating']);

export function ProposalDetailRoute() {
  const { id } = useParams();
  const proposal = useProposal(id);
  if (proposal.error instanceof ApiError && (proposal.error.status === 404 || proposal.error.status === 400)) return <NotFoundRoute />;
  return <QueryState query={proposal}>{(data) => <ProposalView proposal={data} />}</QueryState>;
}

function ProposalView({ proposal }: { proposal: ProposalDetail }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const isModerator = user?.role === Role.Moderator || user?.role === Role.Administrator;
  const author =
    proposal.author?.displayName ?? (proposal.submittedOnBehalf ? t('proposals.detail.onBehalfAuthor') : t('common.deletedUser'));
  const open = OPEN.has(proposal.status);
  // The machine translation's title while the reader shows it (ContributionText), else the author's.
  const [translatedTitle, setTranslatedTitle] = useState<string | null>(null);
  const onShown = useCallback((shown: ProposalTranslation | null) => setTranslatedTitle(shown?.title ?? null), []);
  const translate = useCallback((language: Language) => translateProposal(proposal.id, language), [proposal.id]);

  return (
    <Page title={translatedTitle ?? proposal.title} userTitle titleLang={htmlLang(translatedTitle ? currentLanguage() : proposal.language)}>
      <p className="proposal-detail__status">
        <StatusBadge status={proposal.status} />
      </p>
      <dl className="proposal-meta proposal-meta--detail">
        <div>
          <dt>{t('proposals.author')}</dt>
          <dd>{author}</dd>
        </div>
        <div>
          <dt>{t('proposals.createdAt')}</dt>
          <dd>
            {formatDate(proposal.createdAt)}
            {proposal.editedAt ? ` (${t('proposals.detail.edited', { date: formatDate(proposal.editedAt) })})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('proposals.field')}</dt>
          <dd>{localizedName(proposal.fieldOfAction.name, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('proposals.area')}</dt>
          <dd>
            {proposal.area.name} ({t(`areaTypes.${proposal.area.type}`)})
          </dd>
        </div>
        {proposal.location?.address ? (
          <div>
            <dt>{t('proposals.detail.location')}</dt>
            <dd>{proposal.location.address}</dd>
          </div>
        ) : null}
      </dl>
      {proposal.mergedInto ? (
        <Alert variant="info" title={t('proposals.detail.mergedTitle')}>
          <p className="kern-body">
            {t('proposals.detail.mergedText')}{' '}
            <Link className="kern-link" to={`/proposals/${proposal.mergedInto.id}`}>
              {proposal.mergedInto.title}
            </Link>
          </p>
        </Alert>
      ) : null}
      {proposal.submittedOnBehalf ? (
        <Alert variant="info" title={t('proposals.detail.onBehalfTitle')}>
          <p className="kern-body">
            {proposal.sourceNote
              ? t('proposals.detail.onBehalfSource', { source: proposal.sourceNote })
              : t('proposals.detail.onBehalfText')}
          </p>
        </Alert>
      ) : null}

      <ContributionText
        language={proposal.language}
        text={proposal.body}
        writtenIn={(language) => t('proposals.translation.writtenIn', { language })}
        translate={translate}
        onShown={onShown}
        className="proposal-detail__body"
      />

      <ProposalAttachments proposal={proposal} />

      <div className="proposal-actions">
        <SupportButton proposal={proposal} />
        {user ? (
          <>
            <FollowButton proposalId={proposal.id} />
            {!proposal.viewer.isAuthor ? (
              <ReportButton targetType={ReportTargetType.Proposal} targetId={proposal.id} label={t('report.proposalLabel')} />
            ) : null}
          </>
        ) : (
          <p className="kern-body">
            <Link className="kern-link" to={withReturnTo('/login', location.pathname)}>
              {t('proposals.detail.loginToSupport')}
            </Link>
          </p>
        )}
      </div>

      <AttachmentUpload proposal={proposal} />

      {proposal.viewer.canEdit || proposal.viewer.canWithdraw ? (
        <Section id="own" title={t('proposals.detail.ownTitle')} boxed>
          {proposal.viewer.canEdit ? (
            <p>
              <ButtonLink to={`/proposals/${proposal.id}/edit`} icon="edit">
                {t('proposals.detail.edit')}
              </ButtonLink>
            </p>
          ) : null}
          {proposal.viewer.canWithdraw ? (
            <>
              <h3 className="kern-heading-small proposal-own__subtitle">{t('proposals.withdraw.title')}</h3>
              <WithdrawForm proposalId={proposal.id} title={proposal.title} />
            </>
          ) : null}
        </Section>
      ) : null}

      {/* One "what happened" section: the proposal's steps, then the project it became part of. */}
      <Section
        id="history"
        title={proposal.viewer.isAuthor ? t('projects.proposal.title') : t('proposals.history.title')}
        intro={t('proposals.history.intro')}
      >
        <StatusHistory events={proposal.statusHistory} />
        <ProposalProject project={proposal.project} />
        {/* An idea for the neighbourhood can ask the area's citizens' fund for money; the application links back here. */}
        <p className="kern-body">
          <Link className="kern-link" to={`/fonds?vorschlag=${encodeURIComponent(proposal.id)}`}>
            {t('proposals.detail.applyToFund')}
          </Link>
        </p>
      </Section>

      <Section id="comments" title={t('comments.title', { count: proposal.commentCount })}>
        <CommentThread
          proposalId={proposal.id}
          signedIn={Boolean(user)}
          canComment={open}
          renderActions={(comment) =>
            user && !comment.viewer?.isAuthor ? (
              <ReportButton
                targetType={ReportTargetType.Comment}
                targetId={comment.id}
                label={t('report.commentLabel', { name: comment.author?.displayName ?? t('common.deletedUser') })}
              />
            ) : null
          }
        />
      </Section>

      {isModerator && open ? (
        <>
          <Section id="answer" title={t('moderation.answer.title')} intro={t('moderation.answer.intro')} boxed>
            <AnswerForm proposalId={proposal.id} />
          </Section>
          <Section id="merge" title={t('moderation.merge.title')} intro={t('moderation.merge.intro')} boxed>
            <MergeForm proposalId={proposal.id} />
          </Section>
        </>
      ) : null}
    </Page>
  );
}

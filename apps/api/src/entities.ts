import { Area } from './modules/areas/area.entity';
import { AuditEntry } from './modules/audit/audit-entry.entity';
import { Session } from './modules/auth/session.entity';
import { UserToken } from './modules/auth/user-token.entity';
import { FieldOfAction } from './modules/fields-of-action/field-of-action.entity';
import { User } from './modules/users/user.entity';
import { InitialSchema1764000000000 } from './database/migrations/1764000000000-initial-schema';
import { Proposals1764100000000 } from './database/migrations/1764100000000-proposals';
import { Proposal } from './modules/proposals/proposal.entity';
import { ProposalStatusEventEntity } from './modules/proposals/proposal-status-event.entity';
import { ProposalSupport } from './modules/proposals/proposal-support.entity';
import { Comment } from './modules/comments/comment.entity';
import { Report } from './modules/moderation/report.entity';
import { CommentsModeration1764200000000 } from './database/migrations/1764200000000-comments-moderation';
import { ProposalFollow, ProposalUnsubscribeToken } from './modules/follows/proposal-follow.entity';
import { Follows1764300000000 } from './database/migrations/1764300000000-follows';
import { ProposalAttachmentEntity } from './modules/proposals/attachments/attachment.entity';
import { AgendaItemEntity, Assembly, AssemblyRegistration } from './modules/assemblies/entities/assembly.entity';
import { Participant } from './modules/live/entities/participant.entity';
import { CheckInCard } from './modules/live/entities/check-in-card.entity';
import { CheckInCards1765400000000 } from './database/migrations/1765400000000-check-in-cards';
import {
  BallotReceipt,
  LiveProposalEntity,
  LiveProposalSupport,
  OpenBallot,
  RoundTally,
  SpeakerRequest,
  VotingRoundEntity,
} from './modules/live/entities/live.entities';
import { AssemblyEvent } from './modules/assemblies/entities/assembly-event.entity';
import { Assemblies1764500000000 } from './database/migrations/1764500000000-assemblies';
import { AttachmentsSupportLimit1764400000000 } from './database/migrations/1764400000000-attachments-support-limit';
import {
  Project,
  ProjectArea,
  ProjectEvent,
  ProjectMilestoneEntity,
  ProjectProposal,
  ProjectStatusReportEntity,
} from './modules/projects/project.entities';
import { ProjectProgress1764700000000 } from './database/migrations/1764700000000-project-progress';
import { Projects1764600000000 } from './database/migrations/1764600000000-projects';
import { Indicator, IndicatorTargetEntity, IndicatorValueEntity } from './modules/indicators/indicator.entities';
import { SocialReport1764800000000 } from './database/migrations/1764800000000-social-report';
import { ProposalStatusNotes1765600000000 } from './database/migrations/1765600000000-proposal-status-notes';
import { PendingRegistrations1764900000000 } from './database/migrations/1764900000000-pending-registrations';
import { OutboxMail } from './modules/mail/outbox-mail.entity';
import { MailOutbox1765000000000 } from './database/migrations/1765000000000-mail-outbox';
import { RegistrationAttempts1765190000000 } from './database/migrations/1765190000000-registration-attempts';
import { PreparedVotes1765500000000 } from './database/migrations/1765500000000-prepared-votes';
import { LanguageReview } from './modules/languages/language-review.entity';
import { LanguageReviews1765700000000 } from './database/migrations/1765700000000-language-reviews';
import { MachineTranslation } from './modules/translations/machine-translation.entity';
import { MachineTranslations1765800000000 } from './database/migrations/1765800000000-machine-translations';
import { ContributionLanguages1765900000000 } from './database/migrations/1765900000000-contribution-languages';
import { SignLanguageVideoEntity } from './modules/sign-language/sign-language-video.entity';
import { SignLanguageVideo1766100000000 } from './database/migrations/1766100000000-sign-language-video';
import { Fund, FundApplication, FundApplicationAttachment, FundApplicationEvent } from './modules/funds/fund.entities';
import { Funds1766200000000 } from './database/migrations/1766200000000-funds';
import { BudgetVote1766300000000 } from './database/migrations/1766300000000-budget-vote';
import {
  FundOnlineVote,
  FundOnlineVoteCode,
  FundOnlineVoteTally,
  FundOnlineVoteVoter,
} from './modules/funds/online-vote/online-vote.entities';
import { FundOnlineVote1766500000000 } from './database/migrations/1766500000000-fund-online-vote';
import { LiveTranslations1766000000000 } from './database/migrations/1766000000000-live-translations';

/** Listed explicitly (no globs) so the same list works from source, from dist and under jest. */
export const ENTITIES = [
  Area,
  AuditEntry,
  Session,
  UserToken,
  FieldOfAction,
  User,
  Proposal,
  ProposalSupport,
  ProposalStatusEventEntity,
  Comment,
  Report,
  ProposalFollow,
  ProposalUnsubscribeToken,
  ProposalAttachmentEntity,
  Assembly,
  AgendaItemEntity,
  AssemblyRegistration,
  Participant,
  CheckInCard,
  LiveProposalEntity,
  LiveProposalSupport,
  VotingRoundEntity,
  BallotReceipt,
  OpenBallot,
  RoundTally,
  SpeakerRequest,
  AssemblyEvent,
  Project,
  ProjectArea,
  ProjectProposal,
  ProjectEvent,
  ProjectMilestoneEntity,
  ProjectStatusReportEntity,
  Indicator,
  IndicatorValueEntity,
  IndicatorTargetEntity,
  OutboxMail,
  LanguageReview,
  MachineTranslation,
  SignLanguageVideoEntity,
  Fund,
  FundApplication,
  FundApplicationEvent,
  FundApplicationAttachment,
  FundOnlineVote,
  FundOnlineVoteCode,
  FundOnlineVoteVoter,
  FundOnlineVoteTally,
];
export const MIGRATIONS = [
  InitialSchema1764000000000,
  Proposals1764100000000,
  CommentsModeration1764200000000,
  Follows1764300000000,
  AttachmentsSupportLimit1764400000000,
  Assemblies1764500000000,
  Projects1764600000000,
  ProjectProgress1764700000000,
  SocialReport1764800000000,
  PendingRegistrations1764900000000,
  MailOutbox1765000000000,
  RegistrationAttempts1765190000000,
  CheckInCards1765400000000,
  PreparedVotes1765500000000,
  ProposalStatusNotes1765600000000,
  LanguageReviews1765700000000,
  MachineTranslations1765800000000,
  ContributionLanguages1765900000000,
  LiveTranslations1766000000000,
  SignLanguageVideo1766100000000,
  Funds1766200000000,
  BudgetVote1766300000000,
  FundOnlineVote1766500000000,
];

/** The registry handed to buildDataSourceOptions by the app, the CLI, the TypeORM CLI and the tests. */
export const SCHEMA = { entities: ENTITIES, migrations: MIGRATIONS };

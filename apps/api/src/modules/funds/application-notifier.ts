import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationSource, type ApplicationState } from '@app/shared/funds';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import type { FundApplication } from './fund.entities';

/**
 * Tells applicants what happened to their application: when staff move an online application (the
 * office checks or returns it, the project conference approves or rejects it, the money is paid, the
 * proof of use is returned or accepted), its applicant gets one mail in their language with the new
 * state, the public reason and the link. Not for their own steps, not for paper applications (their
 * applicant has no account here; the moderator who typed it in is not them), not for deleted or
 * unconfirmed accounts. Queued in the step's transaction: sent only if the step commits.
 */
@Injectable()
export class ApplicationNotifier {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async stepTaken(
    m: EntityManager,
    a: Pick<FundApplication, 'id' | 'title' | 'applicantId' | 'source'>,
    actorRole: string,
    toState: ApplicationState,
    reason: string | null,
  ): Promise<void> {
    if (actorRole === 'applicant' || !a.applicantId || a.source !== ApplicationSource.Online) return;
    const user = await m.findOne(User, {
      where: { id: a.applicantId },
      select: ['id', 'email', 'displayName', 'language', 'deletedAt', 'emailVerifiedAt'],
    });
    if (!user?.email || user.deletedAt || !user.emailVerifiedAt) return;
    await this.mail.send(
      {
        to: user.email,
        language: user.language,
        template: 'applicationChanged',
        params: {
          name: user.displayName ?? '',
          title: a.title,
          applicationState: toState,
          explanation: reason,
          link: `${this.config.publicUrl}/fonds/antraege/${a.id}`,
        },
      },
      m,
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import { htmlLang, intlLocale, Language } from '@app/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AssemblyMailTemplate } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { assemblyIcs, assemblyUrl } from './assembly-calendar';
import type { Assembly } from './entities/assembly.entity';

/** The mails that come with the calendar entry attached. */
const WITH_CALENDAR: AssemblyMailTemplate[] = ['assemblyRegistered', 'assemblyPromoted', 'assemblyReminder'];

/** "Donnerstag, 12. März 2026, 19:00–21:00 Uhr" in the city's time zone, in the recipient's language. */
export function formatWhen(a: Pick<Assembly, 'startsAt' | 'endsAt'>, language: Language): string {
  const locale = intlLocale(language);
  const zone = 'Europe/Berlin';
  const day = new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'full' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  const sameDay = day.format(a.startsAt) === day.format(a.endsAt);
  const end = sameDay ? time.format(a.endsAt) : `${day.format(a.endsAt)}, ${time.format(a.endsAt)}`;
  const suffix = htmlLang(language) === Language.German ? ' Uhr' : '';
  return `${day.format(a.startsAt)}, ${time.format(a.startsAt)}–${end}${suffix}`;
}

/** Registration mails of assemblies, each in the recipient's language, queued in the mail outbox. */
@Injectable()
export class AssemblyMailsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly mail: MailService,
  ) {}

  /**
   * Queues one template for each of these accounts (deleted accounts and accounts without email
   * get nothing); with the manager of the transaction that caused it, inside that transaction.
   * Returns how many mails were queued.
   */
  async send(
    assembly: Assembly,
    template: AssemblyMailTemplate,
    userIds: string[],
    extra: (userId: string) => { position?: number } = () => ({}),
    manager?: EntityManager,
  ): Promise<number> {
    if (!userIds.length) return 0;
    const recipients = await (manager ? manager.getRepository(User) : this.users).find({
      where: { id: In(userIds) },
      select: ['id', 'email', 'displayName', 'language', 'deletedAt'],
    });
    const withCalendar = WITH_CALENDAR.includes(template);
    let queued = 0;
    for (const user of recipients) {
      if (!user.email || user.deletedAt) continue;
      await this.mail.send(
        {
          to: user.email,
          language: user.language,
          template,
          params: {
            name: user.displayName ?? '',
            title: assembly.title,
            when: formatWhen(assembly, user.language),
            place: assembly.place,
            link: assemblyUrl(this.config.publicUrl, assembly.id),
            ...extra(user.id),
          },
          attachments: withCalendar
            ? [
                {
                  filename: 'buergerversammlung.ics',
                  content: assemblyIcs(assembly, this.config.publicUrl, user.language),
                  contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                },
              ]
            : undefined,
        },
        manager,
      );
      queued++;
    }
    return queued;
  }
}

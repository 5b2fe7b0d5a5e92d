import { DateUtils } from 'typeorm/util/DateUtils';
import { AssemblyStatus, RegistrationStatus, type AgendaItem, type AssemblyDetail, type AssemblySummary } from '@app/shared';
import type { AgendaItemEntity, Assembly } from './entities/assembly.entity';

/** A time as a query parameter: a Date on PostgreSQL, TypeORM's UTC datetime text on SQLite. */
export const dbTime = (postgres: boolean, date: Date): Date | string => (postgres ? date : DateUtils.mixedDateToUtcDatetimeString(date));

export interface RegistrationCounts {
  confirmed: number;
  waitlisted: number;
}

export const NO_REGISTRATIONS: RegistrationCounts = { confirmed: 0, waitlisted: 0 };

/** Registration is open: enabled, not closed and not over yet. */
export const registrationOpen = (a: Pick<Assembly, 'registrationEnabled' | 'status' | 'endsAt'>, now = Date.now()): boolean =>
  a.registrationEnabled && a.status !== AssemblyStatus.Closed && a.endsAt.getTime() > now;

export function toSummary(a: Assembly, counts: RegistrationCounts): AssemblySummary {
  return {
    id: a.id,
    title: a.title,
    place: a.place,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    status: a.status,
    visibility: a.visibility,
    areas: [...(a.areas ?? [])].sort((x, y) => x.name.localeCompare(y.name, 'de')).map((x) => ({ id: x.id, name: x.name })),
    registration: {
      enabled: a.registrationEnabled,
      capacity: a.capacity,
      confirmed: counts.confirmed,
      waitlisted: counts.waitlisted,
    },
  };
}

export const toAgendaItem = (i: AgendaItemEntity): AgendaItem => ({
  id: i.id,
  position: i.position,
  title: i.title,
  type: i.type,
  description: i.description,
});

export function toDetail(
  a: Assembly,
  agenda: AgendaItemEntity[],
  counts: RegistrationCounts,
  viewer: { isModerator: boolean; registration: RegistrationStatus | null; waitlistPosition: number | null },
): AssemblyDetail {
  const registered = viewer.registration === RegistrationStatus.Confirmed || viewer.registration === RegistrationStatus.Waitlisted;
  return {
    ...toSummary(a, counts),
    description: a.description,
    agenda: [...agenda]
      .sort((x, y) => x.position - y.position)
      .map((item) => (viewer.isModerator ? { ...toAgendaItem(item), vote: item.preparedVote ?? null } : toAgendaItem(item))),
    joinCode: a.joinCode,
    requireAccount: a.requireAccount,
    requireCheckIn: a.requireCheckIn,
    moderators: (a.moderators ?? [])
      .map((m) => ({ id: m.id, displayName: m.deletedAt ? null : m.displayName }))
      .sort((x, y) => (x.displayName ?? '').localeCompare(y.displayName ?? '', 'de')),
    viewer: {
      isModerator: viewer.isModerator,
      registration: viewer.registration,
      waitlistPosition: viewer.waitlistPosition,
      canRegister: registrationOpen(a) && !registered,
    },
  };
}

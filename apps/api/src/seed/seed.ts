import type { DataSource, EntityManager } from 'typeorm';
import { AreaType, AssemblyEventType, AssemblyStatus, AssemblyVisibility, Role } from '@app/shared';
import { Area } from '../modules/areas/area.entity';
import { AgendaItemEntity, Assembly } from '../modules/assemblies/entities/assembly.entity';
import { AssemblyEvent } from '../modules/assemblies/entities/assembly-event.entity';
import type { PasswordHashParameters } from '../config/config';
import { hashPassword } from '../modules/auth/passwords';
import { FieldOfAction } from '../modules/fields-of-action/field-of-action.entity';
import { User } from '../modules/users/user.entity';
import { seedDemoFunds } from './demo-funds';
import { demoProposalGrouping, seedDemoProjects } from './demo-projects';
import { seedDemoProposals } from './demo-proposals';
import { seedDemoIndicators } from './demo-indicators';
import { areaCode, DEMO_AREAS, DEMO_ASSEMBLIES, DEMO_FIELDS_OF_ACTION, ILLUSTRATIVE_NOTE } from './demo-data';

/**
 * Inserts the demo data that is missing (areas and fields of action by code, assemblies, indicators,
 * projects); with `participation` also the demo residents' proposals, supports, comments, answers and
 * merges, grouped into the demo projects, and the Aktionsraumfonds with their applications. Returns how many records were added.
 */
export async function seedDemoData(ds: DataSource, { participation }: { participation: boolean }): Promise<number> {
  return ds.transaction(async (m) => {
    let added = 0;
    const ids = new Map<string, string>();
    for (const a of DEMO_AREAS) {
      const code = areaCode(a.type, a.name);
      let area = await m.findOneBy(Area, { code });
      if (!area) {
        const parentId = a.parent ? ids.get(a.parent) : null;
        if (a.parent && !parentId) throw new Error(`Seed order: parent ${a.parent} of ${a.name} must come first`);
        area = await m.save(
          m.create(Area, {
            type: a.type,
            code,
            name: a.name,
            parentId: parentId ?? null,
            validFrom: a.validFrom,
            validTo: a.validTo,
            description: ILLUSTRATIVE_NOTE,
          }),
        );
        added++;
      }
      ids.set(a.name, area.id);
    }
    for (const f of DEMO_FIELDS_OF_ACTION) {
      if (!(await m.existsBy(FieldOfAction, { code: f.code }))) {
        await m.insert(FieldOfAction, { ...f, active: true });
        added++;
      }
    }
    added += await seedDemoAssemblies(m);
    // Indicators first: evaluations of the demo projects name what their runs aimed at.
    added += await seedDemoIndicators(m);
    // Proposals before projects: the project ideas group them while they are ideas.
    const now = new Date();
    if (participation) added += await seedDemoProposals(m, demoProposalGrouping(now), now);
    added += await seedDemoProjects(m, now);
    // After the projects: last year's Hafen fund links to the project one of its applications became.
    if (participation) added += await seedDemoFunds(m, now);
    return added;
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The illustrative assemblies (one upcoming, one past), dated relative to the first start. The
 * past one is closed with a short event log (opened, its items, closed), so its minutes exist.
 */
async function seedDemoAssemblies(m: EntityManager): Promise<number> {
  let added = 0;
  for (const demo of DEMO_ASSEMBLIES) {
    if (await m.existsBy(Assembly, { joinCode: demo.joinCode })) continue;
    const area = await m.findOneBy(Area, { code: areaCode(AreaType.ActionArea, demo.area) });
    if (!area) continue;
    const day = new Date(Date.now() + demo.dayOffset * DAY_MS);
    const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), demo.startHourUtc));
    const endsAt = new Date(startsAt.getTime() + demo.hours * 60 * 60 * 1000);
    const assembly = await m.save(
      m.create(Assembly, {
        title: demo.title,
        description: demo.description,
        place: demo.place,
        startsAt,
        endsAt,
        status: demo.closed ? AssemblyStatus.Closed : AssemblyStatus.Planned,
        visibility: AssemblyVisibility.Public,
        joinCode: demo.joinCode,
        registrationEnabled: demo.registrationEnabled,
        capacity: demo.capacity,
        areas: [area],
        moderators: [],
      }),
    );
    const items: AgendaItemEntity[] = [];
    for (const [index, item] of demo.agenda.entries()) {
      items.push(await m.save(m.create(AgendaItemEntity, { ...item, assemblyId: assembly.id, position: index + 1 })));
    }
    if (demo.closed) {
      const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60 * 1000);
      const events: Array<Partial<AssemblyEvent>> = [
        { type: AssemblyEventType.Opened, data: { title: demo.title }, createdAt: at(0) },
        ...items.map((item, i) => ({
          type: AssemblyEventType.ItemStarted,
          data: { itemId: item.id, title: item.title, position: item.position, type: item.type },
          createdAt: at(5 + i * 30),
        })),
        {
          type: AssemblyEventType.Closed,
          data: { title: demo.title, attendance: { hall: 0, online: 0, total: 0, checkedIn: 0, guests: 0 } },
          createdAt: at(demo.hours * 60),
        },
      ];
      for (const event of events) await m.save(m.create(AssemblyEvent, { ...event, assemblyId: assembly.id, actorRole: Role.Moderator }));
    }
    added++;
  }
  return added;
}

/** True on a database nobody has put reference data into yet. */
export async function isFirstStart(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Area).count()) === 0 && (await ds.getRepository(FieldOfAction).count()) === 0;
}

/**
 * Makes sure an administrator with this email exists and is verified. An existing account is
 * promoted, but its password is left alone (change it in the app or via password reset).
 */
export async function ensureAdministrator(
  ds: DataSource,
  admin: { email: string; password: string; displayName?: string },
  hashCost: PasswordHashParameters,
): Promise<'created' | 'promoted' | 'unchanged'> {
  const users = ds.getRepository(User);
  const email = admin.email.trim().toLowerCase();
  const existing = await users.findOneBy({ email });
  if (existing) {
    if (existing.role === Role.Administrator && existing.emailVerifiedAt) return 'unchanged';
    await users.update({ id: existing.id }, { role: Role.Administrator, emailVerifiedAt: existing.emailVerifiedAt ?? new Date() });
    return 'promoted';
  }
  await users.insert({
    email,
    passwordHash: await hashPassword(admin.password, hashCost),
    displayName: admin.displayName ?? 'Plattform-Team',
    role: Role.Administrator,
    emailVerifiedAt: new Date(),
  });
  return 'created';
}

import type { DataSource } from 'typeorm';
import { Role } from '@app/shared';
import { Area } from '../../modules/areas/area.entity';
import { hashPassword } from '../../modules/auth/passwords';
import { FieldOfAction } from '../../modules/fields-of-action/field-of-action.entity';
import { User } from '../../modules/users/user.entity';
import { areaCode, DEMO_AREAS, DEMO_FIELDS_OF_ACTION, ILLUSTRATIVE_NOTE } from './demo-data';

/** Inserts the demo areas and fields of action that are missing (by code); returns how many were added. */
export async function seedDemoData(ds: DataSource): Promise<number> {
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
    return added;
  });
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
    passwordHash: await hashPassword(admin.password),
    displayName: admin.displayName ?? 'Plattform-Team',
    role: Role.Administrator,
    emailVerifiedAt: new Date(),
  });
  return 'created';
}

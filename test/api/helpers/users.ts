import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Language } from '@app/shared';
import { AuthService } from '../../../apps/api/src/modules/auth/auth.service';
import { User } from '../../../apps/api/src/modules/users/user.entity';

export interface UserSpec {
  email: string;
  password: string;
  displayName?: string;
  language?: Language;
}

/**
 * The user factory: writes a verified account straight into the app's users table, its password
 * hashed by the app's own AuthService (at the configured cost, the test profile in the suites).
 * The registration mail flow itself is tested in auth, security-accounts and account-lifecycle.
 */
export async function insertVerifiedUser(app: INestApplication, spec: UserSpec): Promise<string> {
  const users = app.get(DataSource).getRepository(User);
  const saved = await users.save(
    users.create({
      email: spec.email.trim().toLowerCase(),
      passwordHash: await app.get(AuthService).hashPassword(spec.password),
      displayName: spec.displayName ?? 'Test Person',
      language: spec.language ?? Language.German,
      emailVerifiedAt: new Date(),
    }),
  );
  return saved.id;
}

import * as argon2 from 'argon2';
import { PASSWORD_HASH_PROFILES, type PasswordHashParameters } from '../../config/config';

/** argon2id at the configured cost (config.passwordHash: production is 64 MiB, t=3, p=4, the OWASP-recommended memory-hard hash). */
export const hashPassword = (password: string, cost: PasswordHashParameters = PASSWORD_HASH_PROFILES.production): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: cost.parallelism });

/** Checks against the stored hash (its own cost is part of it); `cost` is what a missing account spends. */
export async function verifyPassword(hash: string | null, password: string, cost: PasswordHashParameters): Promise<boolean> {
  if (!hash) {
    // Spend the same time as a real check so a missing account cannot be told apart by timing.
    await hashPassword(password, cost);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

import { PASSWORD_HASH_PROFILES } from '../../config/config';
import { hashPassword, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('stores argon2id with the cost of the profile, and a check reads the cost from the stored hash', async () => {
    const production = await hashPassword('correct horse battery', PASSWORD_HASH_PROFILES.production);
    expect(production).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    const test = await hashPassword('correct horse battery', PASSWORD_HASH_PROFILES.test);
    expect(test).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    // Either profile checks either hash: switching the profile never locks anybody out.
    expect(await verifyPassword(production, 'correct horse battery', PASSWORD_HASH_PROFILES.test)).toBe(true);
    expect(await verifyPassword(test, 'correct horse battery', PASSWORD_HASH_PROFILES.production)).toBe(true);
    expect(await verifyPassword(test, 'wrong horse battery', PASSWORD_HASH_PROFILES.test)).toBe(false);
    expect(await verifyPassword(null, 'correct horse battery', PASSWORD_HASH_PROFILES.test)).toBe(false);
  });

  it('hashes at production cost when no profile is named', async () => {
    expect(await hashPassword('correct horse battery')).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
  });
});

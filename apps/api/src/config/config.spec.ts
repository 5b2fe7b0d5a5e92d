import { ConfigError, loadConfig } from './config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('gives working defaults for a fresh machine: SQLite under data/, port 3000, demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', path: expect.stringMatching(/data[/\\]soziale-stadt\.sqlite$/) });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.seedDemoData).toBe(true);
    expect(config.mail.smtpUrl).toBeNull();
    expect(config.corsOrigins).toEqual([]);
    expect(config.cookieSecure).toBe(false);
    expect(config.rateLimit).toEqual({ auth: 30, write: 120, address: 3000, windowMs: 60_000 });
  });

  it('switches to PostgreSQL and reads the other variables', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      PUBLIC_URL: 'https://beteiligung.example.de/',
      SEED_DEMO_DATA: 'false',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      RATE_LIMIT_AUTH: '5',
    });
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://u:p@db:5432/app' });
    expect(config.publicUrl).toBe('https://beteiligung.example.de');
    expect(config.cookieSecure).toBe(true);
    expect(config.seedDemoData).toBe(false);
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.rateLimit.auth).toBe(5);
  });

  it('names every bad variable and what is wrong with it', () => {
    const problems = problemsOf({
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      SMTP_URL: 'http://mail',
      LOG_LEVEL: 'loud',
      RATE_LIMIT_AUTH: '0',
    });
    const text = problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'LOG_LEVEL', 'RATE_LIMIT_AUTH']) expect(text).toContain(name);
    expect(text).toContain('got "abc"');
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together, with a long enough password', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'admin@example.org' }).join()).toContain('ADMIN_EMAIL and ADMIN_PASSWORD');
    expect(problemsOf({ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'short' }).join()).toContain('ADMIN_PASSWORD must be at least');
    expect(problemsOf({ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long enough password' }).join()).toContain('ADMIN_EMAIL');
  });

  it('hashes passwords with memory-hard argon2id parameters unless a test suite asks for the cheap profile', () => {
    // What production uses: 64 MiB, three passes, four lanes (OWASP's recommendation for argon2id).
    expect(loadConfig({}).passwordHash).toEqual({ profile: 'production', memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    expect(loadConfig({ PASSWORD_HASH_PROFILE: 'production' }).passwordHash).toEqual(loadConfig({}).passwordHash);
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_PROFILE: 'test' }).passwordHash).toEqual({
      profile: 'test',
      memoryCost: 1024,
      timeCost: 1,
      parallelism: 1,
    });
    expect(problemsOf({ PASSWORD_HASH_PROFILE: 'fast' }).join()).toContain('PASSWORD_HASH_PROFILE');
    expect(
      problemsOf({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://beteiligung.example.de',
        SMTP_URL: 'smtp://mail:587',
        PASSWORD_HASH_PROFILE: 'test',
      }).join(),
    ).toContain('PASSWORD_HASH_PROFILE=test is for test suites only');
  });

  it('requires PUBLIC_URL and SMTP_URL in production', () => {
    const text = problemsOf({ NODE_ENV: 'production' }).join('\n');
    expect(text).toContain('PUBLIC_URL is required in production');
    expect(text).toContain('SMTP_URL is required in production');
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://beteiligung.example.de', SMTP_URL: 'smtp://mail:587' }).env).toBe(
      'production',
    );
  });
});

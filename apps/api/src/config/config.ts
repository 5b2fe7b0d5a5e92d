import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PASSWORD_MIN_LENGTH, SIGN_LANGUAGE_VIDEO_DEFAULT_MAX_MB } from '@app/shared';

/** true/false words become booleans; anything else stays a string, so @IsBoolean names the variable. */
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const word = String(value).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(word)) return true;
  if (['0', 'false', 'no', 'off'].includes(word)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every environment variable the API reads, in the order of the README's configuration table. */
export const ENV_KEYS = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'DATA_DIR',
  'SQLITE_PATH',
  'UPLOAD_DIR',
  'SIGN_LANGUAGE_VIDEO_MAX_MB',
  'DATABASE_URL',
  'REDIS_URL',
  'REDIS_KEY_PREFIX',
  'SMTP_URL',
  'MAIL_FROM',
  'MAIL_WORKER_INTERVAL_MS',
  'MAIL_RETRY_BASE_MS',
  'MAIL_RETRY_MAX_MS',
  'MAIL_MAX_ATTEMPTS',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'SEED_DEMO_DATA',
  'SEED_DEMO_PARTICIPATION',
  'LOG_LEVEL',
  'RATE_LIMIT_AUTH',
  'RATE_LIMIT_WRITE',
  'RATE_LIMIT_ADDRESS',
  'RATE_LIMIT_WINDOW_SECONDS',
  'CORS_ORIGINS',
  'TRUST_PROXY',
  'API_DOCS',
  'SESSION_TTL_HOURS',
  'PASSWORD_HASH_PROFILE',
  'WEB_DIST',
  'PROPOSAL_EDIT_WINDOW_MINUTES',
  'COMMENT_EDIT_WINDOW_MINUTES',
  'RETENTION_INTERVAL_MINUTES',
  'RETENTION_GUEST_DAYS',
  'RETENTION_UNVERIFIED_ACCOUNT_DAYS',
  'RETENTION_TOKEN_DAYS',
  'RETENTION_UNSUBSCRIBE_TOKEN_DAYS',
  'RETENTION_SENT_MAIL_DAYS',
  'RETENTION_ORPHAN_UPLOAD_HOURS',
  'RETENTION_FUND_CONTACT_YEARS',
  'TRANSLATE_URL',
  'TRANSLATE_API_KEY',
] as const;

/** Validation rules for ENV_KEYS. README's configuration table mirrors this class. */
class EnvSchema {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http(s) URL such as https://beteiligung.example.de' })
  PUBLIC_URL?: string;
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @IsString() SQLITE_PATH?: string;
  @IsOptional() @IsString() UPLOAD_DIR?: string;
  // Sizes are stored in integer columns: at most 2,000 MB.
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(2000) SIGN_LANGUAGE_VIDEO_MAX_MB?: number;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'TRANSLATE_URL must be the http(s):// address of a LibreTranslate-compatible server' })
  TRANSLATE_URL?: string;
  @IsOptional() @IsString() TRANSLATE_API_KEY?: string;
  @IsOptional()
  @Matches(/^[A-Za-z0-9:_.-]{0,40}$/, { message: 'REDIS_KEY_PREFIX may hold letters, digits and : _ . - (at most 40)' })
  REDIS_KEY_PREFIX?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;
  @IsOptional() @IsString() @MinLength(3) MAIL_FROM?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(50) MAIL_WORKER_INTERVAL_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) MAIL_RETRY_BASE_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) MAIL_RETRY_MAX_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100) MAIL_MAX_ATTEMPTS?: number;
  @IsOptional() @Transform(emptyToUndefined) @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' }) ADMIN_EMAIL?: string;
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `ADMIN_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters` })
  ADMIN_PASSWORD?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() SEED_DEMO_DATA?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean() SEED_DEMO_PARTICIPATION?: boolean;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_AUTH?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_WRITE?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_ADDRESS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_WINDOW_SECONDS?: number;
  @IsOptional() @IsString() CORS_ORIGINS?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() TRUST_PROXY?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'API_DOCS must be true or false' }) API_DOCS?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) SESSION_TTL_HOURS?: number;
  @IsOptional() @IsIn(['production', 'test']) PASSWORD_HASH_PROFILE?: 'production' | 'test';
  @IsOptional() @IsString() WEB_DIST?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) PROPOSAL_EDIT_WINDOW_MINUTES?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) COMMENT_EDIT_WINDOW_MINUTES?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10_080) RETENTION_INTERVAL_MINUTES?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3650) RETENTION_GUEST_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3650) RETENTION_UNVERIFIED_ACCOUNT_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3650) RETENTION_TOKEN_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3650) RETENTION_UNSUBSCRIBE_TOKEN_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3650) RETENTION_SENT_MAIL_DAYS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(8760) RETENTION_ORPHAN_UPLOAD_HOURS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(30) RETENTION_FUND_CONTACT_YEARS?: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  /** Where proposal attachments are stored (files named by their id), and the sign language video (sign-language/). */
  uploadDir: string;
  /** The largest sign language video an administrator may upload, in bytes (SIGN_LANGUAGE_VIDEO_MAX_MB). */
  signLanguageVideoMaxBytes: number;
  database: { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };
  redisUrl: string | null;
  redisKeyPrefix: string;
  mail: {
    smtpUrl: string | null;
    from: string;
    outboxDir: string;
    /** How often the outbox worker looks for due mails (it is also woken right after a mail is queued). */
    workerIntervalMs: number;
    /** Back-off before the n-th retry: retryBaseMs * 2^(n-1), at most retryMaxMs. */
    retryBaseMs: number;
    retryMaxMs: number;
    /** After this many failed attempts a mail is marked failed; an administrator can send it again. */
    maxAttempts: number;
  };
  admin: { email: string; password: string } | null;
  seedDemoData: boolean;
  /** With the demo data: demo residents' proposals, supports, comments, answers and merges. */
  seedDemoParticipation: boolean;
  logLevel: string;
  /**
   * Requests per window: `auth` per client address and credential route (registration, verification,
   * password reset; not sign-in, which counts failures instead), `write` state-changing requests per
   * signed-in account, `address` state-changing requests per client address (the flood ceiling,
   * sized for a hall of 1,000 behind one address with room to spare).
   */
  rateLimit: { auth: number; write: number; address: number; windowMs: number };
  corsOrigins: string[];
  trustProxy: boolean;
  /** Serve the OpenAPI UI (/api/docs) and document (/api/docs-json, -yaml): public by default, like the open data. */
  apiDocs: boolean;
  sessionTtlMs: number;
  /** argon2id cost of new password hashes (a check reads the cost from the stored hash). */
  passwordHash: PasswordHashParameters;
  cookieSecure: boolean;
  webDist: string;
  /** How long an author may edit a proposal (and only until its first support). */
  proposalEditWindowMs: number;
  /** How long an author may edit a comment; 0 means never. */
  commentEditWindowMs: number;
  /** What the scheduled clean-up removes when (see RetentionService); the privacy page states these. */
  retention: RetentionConfig;
  /** Optional machine translation of people's texts by a self-hosted LibreTranslate-compatible server; off without a URL. */
  translate: { url: string; apiKey: string | null } | null;
}

export interface PasswordHashParameters {
  profile: 'production' | 'test';
  /** KiB of memory per hash. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * The default: argon2id at 64 MiB, t=3, p=4 (the OWASP-recommended memory-hard setting, the argon2
 * library's defaults). `test` is cheap (1 MiB, t=1, p=1) so test suites that create hundreds of
 * accounts stay fast; it is refused when NODE_ENV=production.
 */
export const PASSWORD_HASH_PROFILES: Record<PasswordHashParameters['profile'], PasswordHashParameters> = {
  production: { profile: 'production', memoryCost: 65_536, timeCost: 3, parallelism: 4 },
  test: { profile: 'test', memoryCost: 1024, timeCost: 1, parallelism: 1 },
};

export interface RetentionConfig {
  /** How often the clean-up runs; 0 switches the schedule off (the clean-up can still be called). */
  intervalMs: number;
  /** Guests' names and device credentials are removed this many days after their assembly closed. */
  guestDays: number;
  /** Registrations never confirmed are deleted this many days after they were made. */
  unverifiedAccountDays: number;
  /** Used or expired one-time links (verification, e-mail change, password reset) go this many days later. */
  tokenDays: number;
  /** The unsubscribe link in a notification mail works this many days. */
  unsubscribeTokenDays: number;
  /** Sent mails leave the outbox this many days after sending. */
  sentMailDays: number;
  /** An upload file without its attachment row is removed once it is this many hours old. */
  orphanUploadHours: number;
  /**
   * A fund application's contact data (and a private applicant's name) is erased this many years after
   * the application ended (closed, rejected, withdrawn): the grant record's retention period.
   */
  fundContactYears: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** The repository root: the nearest folder upwards whose package.json declares the workspaces. */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) return dir;
  }
  return process.cwd();
}

/** Validates the environment and returns a typed configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.fromEntries(ENV_KEYS.map((k) => [k, env[k]]));
  const parsed = plainToInstance(EnvSchema, known);
  const errors = validateSync(parsed, { whitelist: true });
  if (errors.length) {
    throw new ConfigError(
      errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got "${String(env[e.property])}")`),
    );
  }
  const problems: string[] = [];
  if (Boolean(parsed.ADMIN_EMAIL) !== Boolean(parsed.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together (or neither)');
  }
  if (parsed.NODE_ENV === 'production') {
    // Defaults that suit a laptop would hurt in production: links to localhost, mail kept on disk.
    if (!parsed.PUBLIC_URL) problems.push('PUBLIC_URL is required in production (the address in every mailed link)');
    if (!parsed.SMTP_URL) problems.push('SMTP_URL is required in production (otherwise no mail leaves the server)');
    if (parsed.PASSWORD_HASH_PROFILE === 'test') problems.push('PASSWORD_HASH_PROFILE=test is for test suites only, never in production');
  }
  if (problems.length) throw new ConfigError(problems);
  const root = repoRoot();
  const port = parsed.PORT ?? 3000;
  const dataDir = resolve(root, parsed.DATA_DIR ?? 'data');
  const publicUrl = (parsed.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    env: (parsed.NODE_ENV as AppConfig['env']) ?? 'development',
    port,
    host: parsed.HOST ?? '0.0.0.0',
    publicUrl,
    dataDir,
    uploadDir: resolve(root, parsed.UPLOAD_DIR ?? resolve(dataDir, 'uploads')),
    signLanguageVideoMaxBytes: (parsed.SIGN_LANGUAGE_VIDEO_MAX_MB ?? SIGN_LANGUAGE_VIDEO_DEFAULT_MAX_MB) * 1024 * 1024,
    database: parsed.DATABASE_URL
      ? { type: 'postgres', url: parsed.DATABASE_URL }
      : { type: 'sqlite', path: resolve(root, parsed.SQLITE_PATH ?? resolve(dataDir, 'soziale-stadt.sqlite')) },
    redisUrl: parsed.REDIS_URL ?? null,
    translate: parsed.TRANSLATE_URL ? { url: parsed.TRANSLATE_URL.replace(/\/+$/, ''), apiKey: parsed.TRANSLATE_API_KEY ?? null } : null,
    redisKeyPrefix: parsed.REDIS_KEY_PREFIX ?? 'soziale-stadt:',
    mail: {
      smtpUrl: parsed.SMTP_URL ?? null,
      from: parsed.MAIL_FROM ?? 'Soziale Stadt <no-reply@localhost>',
      outboxDir: resolve(dataDir, 'outbox'),
      workerIntervalMs: parsed.MAIL_WORKER_INTERVAL_MS ?? 1000,
      retryBaseMs: parsed.MAIL_RETRY_BASE_MS ?? 10_000,
      retryMaxMs: parsed.MAIL_RETRY_MAX_MS ?? 15 * 60_000,
      maxAttempts: parsed.MAIL_MAX_ATTEMPTS ?? 10,
    },
    admin: parsed.ADMIN_EMAIL ? { email: parsed.ADMIN_EMAIL, password: parsed.ADMIN_PASSWORD! } : null,
    seedDemoData: parsed.SEED_DEMO_DATA ?? true,
    seedDemoParticipation: parsed.SEED_DEMO_PARTICIPATION ?? true,
    logLevel: parsed.LOG_LEVEL ?? 'info',
    rateLimit: {
      auth: parsed.RATE_LIMIT_AUTH ?? 30,
      write: parsed.RATE_LIMIT_WRITE ?? 120,
      address: parsed.RATE_LIMIT_ADDRESS ?? 3000,
      windowMs: (parsed.RATE_LIMIT_WINDOW_SECONDS ?? 60) * 1000,
    },
    corsOrigins: (parsed.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: parsed.TRUST_PROXY ?? false,
    apiDocs: parsed.API_DOCS ?? true,
    sessionTtlMs: (parsed.SESSION_TTL_HOURS ?? 24 * 14) * 3600 * 1000,
    passwordHash: PASSWORD_HASH_PROFILES[parsed.PASSWORD_HASH_PROFILE ?? 'production'],
    cookieSecure: publicUrl.startsWith('https://'),
    webDist: resolve(root, parsed.WEB_DIST ?? 'apps/web/dist'),
    proposalEditWindowMs: (parsed.PROPOSAL_EDIT_WINDOW_MINUTES ?? 24 * 60) * 60_000,
    commentEditWindowMs: (parsed.COMMENT_EDIT_WINDOW_MINUTES ?? 15) * 60_000,
    retention: {
      intervalMs: (parsed.RETENTION_INTERVAL_MINUTES ?? 60) * 60_000,
      guestDays: parsed.RETENTION_GUEST_DAYS ?? 30,
      unverifiedAccountDays: parsed.RETENTION_UNVERIFIED_ACCOUNT_DAYS ?? 7,
      tokenDays: parsed.RETENTION_TOKEN_DAYS ?? 1,
      unsubscribeTokenDays: parsed.RETENTION_UNSUBSCRIBE_TOKEN_DAYS ?? 180,
      sentMailDays: parsed.RETENTION_SENT_MAIL_DAYS ?? 14,
      orphanUploadHours: parsed.RETENTION_ORPHAN_UPLOAD_HOURS ?? 24,
      fundContactYears: parsed.RETENTION_FUND_CONTACT_YEARS ?? 5,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

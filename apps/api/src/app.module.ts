import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { RateLimitModule } from './common/http/rate-limit.module';
import { JoinCodeGuessInterceptor } from './modules/live/join-code-guesses.interceptor';
import { RedisThrottlerStorage } from './common/http/redis-throttler.storage';
import { RedisConnection, RedisModule } from './common/redis/redis.module';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { buildDataSourceOptions, createDataSource } from './database/data-source-options';
import { SCHEMA } from './entities';
import { SeedModule } from './seed/seed.module';
import { AreasModule } from './modules/areas/areas.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { FieldsOfActionModule } from './modules/fields-of-action/fields-of-action.module';
import { LanguagesModule } from './modules/languages/languages.module';
import { SignLanguageModule } from './modules/sign-language/sign-language.module';
import { HealthModule } from './modules/health/health.module';
import { ProposalsModule } from './modules/proposals/proposals.module';
import { AnswersModule } from './modules/answers/answers.module';
import { ExportsModule } from './modules/exports/exports.module';
import { FollowsModule } from './modules/follows/follows.module';
import { UsersModule } from './modules/users/users.module';
import { CommentsModule } from './modules/comments/comments.module';
import { ModerationModule } from './modules/moderation/moderation.module';
import { TransactionModule } from './database/transactions';
import { AssembliesModule } from './modules/assemblies/assemblies.module';
import { LiveModule } from './modules/live/live.module';
import { MinutesModule } from './modules/minutes/minutes.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { FundsAfterModule } from './modules/funds/funds-after.module';
import { FundsModule } from './modules/funds/funds.module';
import { FundsBudgetLinkModule } from './modules/funds/funds-budget-link.module';
import { IndicatorsModule } from './modules/indicators/indicators.module';
import { SocialReportModule } from './modules/social-report/social-report.module';
import { OpenDataModule } from './modules/open-data/open-data.module';
import { IntegrityModule } from './modules/integrity/integrity.module';
import { RetentionModule } from './modules/retention/retention.module';

/** What the caller may put in place of the app's own modules (a test's recording budget allocation hook). */
export interface AppModuleOptions {
  /** A global module providing BUDGET_ALLOCATION_HANDLER; default: the Aktionsraumfonds (FundsBudgetLinkModule). */
  budgetAllocation?: DynamicModule;
}

const REQUEST_ID = /^[A-Za-z0-9_.-]{1,64}$/;

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Take a caller's request id when it is harmless, otherwise make one; echo it back.
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            quietReqLogger: true,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url.replace(/token=[^&]+/g, 'token=[redacted]'),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...buildDataSourceOptions(config, SCHEMA), migrationsRun: true }),
          dataSourceFactory: async (options) => createDataSource(options!),
        }),
        RedisModule,
        TransactionModule,
        ThrottlerModule.forRootAsync({
          inject: [RedisConnection],
          useFactory: (redis: RedisConnection) => ({
            throttlers: [
              { name: 'address', ttl: config.rateLimit.windowMs, limit: config.rateLimit.address },
              { name: 'account', ttl: config.rateLimit.windowMs, limit: config.rateLimit.write },
              { name: 'auth', ttl: config.rateLimit.windowMs, limit: config.rateLimit.auth },
            ],
            // In memory for a single process; in Redis when several processes share the load.
            storage: redis.client ? new RedisThrottlerStorage(redis.client, redis.keyPrefix) : undefined,
          }),
        }),
        // First: routes register in module order, and GET proposals/export.csv must precede proposals/:id.
        ExportsModule,
        AuditModule,
        AuthModule,
        // After AuthModule: its request ceilings run after the session guard.
        RateLimitModule,
        UsersModule,
        AreasModule,
        FieldsOfActionModule,
        LanguagesModule,
        SignLanguageModule,
        ProposalsModule,
        CommentsModule,
        ModerationModule,
        FollowsModule,
        AnswersModule,
        AssembliesModule,
        LiveModule,
        MinutesModule,
        ProjectsModule,
        // Before FundsModule: /api/funds/export.csv must not be taken for a fund id.
        FundsAfterModule,
        FundsModule,
        // The live budget vote decides funds.
        options.budgetAllocation ?? FundsBudgetLinkModule,
        IndicatorsModule,
        SocialReportModule,
        OpenDataModule,
        IntegrityModule,
        RetentionModule,
        HealthModule,
        SeedModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        // Wrong join codes counted per address (LiveController.join only; see the interceptor).
        { provide: APP_INTERCEPTOR, useClass: JoinCodeGuessInterceptor },
      ],
    };
  }
}

import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AttemptLimiter } from './attempt-limiter';
import { RateLimitGuard } from './rate-limit.guard';

/**
 * The request ceilings (RateLimitGuard) and the failed-attempt limiter (AttemptLimiter) for every
 * module. Imported after AuthModule: global guards run in the order their modules are registered,
 * and the "account" ceiling needs the account the session guard found.
 */
@Global()
@Module({
  providers: [AttemptLimiter, { provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [AttemptLimiter],
})
export class RateLimitModule {}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module';
import { UserAccountsModule } from '../users/accounts/user-accounts.module';
import { User } from '../users/user.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { Session } from './session.entity';
import { SessionService } from './session.service';
import { UserToken } from './user-token.entity';
import { UserTokensService } from './user-tokens.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, UserToken]), MailModule, UserAccountsModule],
  controllers: [AuthController],
  providers: [AuthService, SessionService, UserTokensService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, SessionService, UserTokensService],
})
export class AuthModule {}

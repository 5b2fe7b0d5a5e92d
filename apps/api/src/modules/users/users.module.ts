import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Area } from '../areas/area.entity';
import { Comment } from '../comments/comment.entity';
import { ProposalFollow } from '../follows/proposal-follow.entity';
import { Report } from '../moderation/report.entity';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { FundsModule } from '../funds/funds.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { MeController } from './me.controller';
import { User } from './user.entity';
import { AdminUsersController, UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, Area, Comment, Report, ProposalFollow]),
    AuthModule,
    MailModule,
    AuditModule,
    ProposalsModule,
    FundsModule,
  ],
  controllers: [MeController, UsersController, AdminUsersController],
  providers: [UsersService],
})
export class UsersModule {}

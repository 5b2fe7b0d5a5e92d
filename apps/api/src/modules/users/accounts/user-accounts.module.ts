import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../user.entity';
import { UserAccountsService } from './user-accounts.service';

/** The users table's door for auth (see UserAccountsService); depends on nothing but the table. */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [UserAccountsService],
  exports: [UserAccountsService],
})
export class UserAccountsModule {}

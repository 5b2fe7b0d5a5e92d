import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FieldOfAction } from './field-of-action.entity';
import { FieldsOfActionController } from './fields-of-action.controller';
import { FieldsOfActionService } from './fields-of-action.service';

@Module({
  imports: [TypeOrmModule.forFeature([FieldOfAction]), AuditModule],
  controllers: [FieldsOfActionController],
  providers: [FieldsOfActionService],
})
export class FieldsOfActionModule {}

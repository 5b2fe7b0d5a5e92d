import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Area } from '../areas/area.entity';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { User } from '../users/user.entity';
import { AssembliesController } from './assemblies.controller';
import { AssembliesService } from './assemblies.service';
import { AssemblyAccessService } from './assembly-access.service';
import { AssemblyMailsService } from './assembly-mails.service';
import { AssemblyEventsService } from './assembly-events.service';
import { AgendaItemEntity, Assembly, AssemblyRegistration } from './entities/assembly.entity';
import {
  BallotReceipt,
  LiveProposalEntity,
  LiveProposalSupport,
  OpenBallot,
  RoundTally,
  SpeakerRequest,
  VotingRoundEntity,
} from '../live/entities/live.entities';
import { AssemblyEvent } from './entities/assembly-event.entity';
import { Participant } from '../live/entities/participant.entity';
import { RegistrationsService } from './registrations.service';

export const ASSEMBLY_ENTITIES = [
  Assembly,
  AgendaItemEntity,
  AssemblyRegistration,
  Participant,
  LiveProposalEntity,
  LiveProposalSupport,
  VotingRoundEntity,
  BallotReceipt,
  OpenBallot,
  RoundTally,
  SpeakerRequest,
  AssemblyEvent,
  Area,
  User,
];

/** Assemblies over HTTP: planning, agenda, registration, joining, participants (the REST side; the live side is the gateway). */
@Module({
  imports: [TypeOrmModule.forFeature(ASSEMBLY_ENTITIES), AuditModule, MailModule],
  controllers: [AssembliesController],
  providers: [AssemblyAccessService, AssemblyEventsService, AssembliesService, RegistrationsService, AssemblyMailsService],
  exports: [AssemblyAccessService, AssemblyEventsService, TypeOrmModule, RegistrationsService],
})
export class AssembliesModule {}

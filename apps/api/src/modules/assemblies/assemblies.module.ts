import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Area } from '../areas/area.entity';
import { User } from '../users/user.entity';
import { AssemblyAccessService } from './assembly-access.service';
import { AssemblyEventsService } from './assembly-events.service';
import { AgendaItemEntity, Assembly, AssemblyRegistration } from './entities/assembly.entity';
import {
  AssemblyEvent,
  BallotReceipt,
  LiveProposalEntity,
  LiveProposalSupport,
  OpenBallot,
  RoundTally,
  SpeakerRequest,
  VotingRoundEntity,
} from './entities/live.entities';
import { Participant } from './entities/participant.entity';

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

/** Assemblies over HTTP: planning, agenda, registration, joining, participants (REST side of issue #4). */
@Module({
  imports: [TypeOrmModule.forFeature(ASSEMBLY_ENTITIES)],
  controllers: [],
  providers: [AssemblyAccessService, AssemblyEventsService],
  exports: [AssemblyAccessService, AssemblyEventsService, TypeOrmModule],
})
export class AssembliesModule {}

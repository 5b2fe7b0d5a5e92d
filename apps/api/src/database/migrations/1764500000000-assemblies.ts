import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

/** Live Bürgerversammlungen: agenda, registrations, participants, proposals, voting, speakers, event log. */
export class Assemblies1764500000000 implements MigrationInterface {
  name = 'Assemblies1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    const bool = (name: string) => ({ name, type: 'boolean', default: t.isPostgres ? false : 0 });
    const int = (name: string, nullable = false) => ({ name, type: 'integer', ...(nullable ? { isNullable: true } : { default: 0 }) });
    const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
    const json = (name: string) => ({ name, type: 'text' });
    const junction = (name: string, left: string, leftTable: string, right: string, rightTable: string) =>
      new Table({
        name,
        columns: [t.uuid(left, { isPrimary: true }), t.uuid(right, { isPrimary: true })],
        foreignKeys: [
          new TableForeignKey({
            columnNames: [left],
            referencedTableName: leftTable,
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: [right],
            referencedTableName: rightTable,
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: [left] }), new TableIndex({ columnNames: [right] })],
      });

    await queryRunner.createTable(
      new Table({
        name: 'assemblies',
        columns: [
          t.id(),
          t.varchar('title', 200),
          text('description', true),
          t.varchar('place', 300),
          t.timestamp('startsAt'),
          t.timestamp('endsAt'),
          t.varchar('status', 20, { default: "'planned'" }),
          t.varchar('visibility', 20, { default: "'public'" }),
          t.varchar('joinCode', 12, { isUnique: true }),
          t.varchar('checkInCode', 12),
          bool('requireAccount'),
          bool('requireCheckIn'),
          bool('registrationEnabled'),
          int('capacity', true),
          t.uuid('currentItemId', { isNullable: true }),
          bool('intakeOpen'),
          int('speakingTimeSeconds', true),
          int('stateVersion'),
          t.uuid('createdById', { isNullable: true }),
          t.createdAt(),
          t.updatedAt(),
        ],
        indices: [new TableIndex({ columnNames: ['startsAt'] })],
      }),
    );
    await queryRunner.createTable(junction('assembly_areas', 'assemblyId', 'assemblies', 'areaId', 'areas'));
    await queryRunner.createTable(junction('assembly_moderators', 'assemblyId', 'assemblies', 'userId', 'users'));
    await queryRunner.createTable(
      new Table({
        name: 'agenda_items',
        columns: [
          t.id(),
          t.uuid('assemblyId'),
          { name: 'position', type: 'integer' },
          t.varchar('title', 200),
          t.varchar('type', 30),
          text('description', true),
        ],
        foreignKeys: [foreignKey('assemblyId', 'assemblies', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['assemblyId', 'position'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'assembly_registrations',
        columns: [
          t.uuid('assemblyId', { isPrimary: true }),
          t.uuid('userId', { isPrimary: true }),
          t.varchar('status', 20),
          t.timestamp('registeredAt'),
          t.timestamp('reminderSentAt', { isNullable: true }),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('assemblyId', 'assemblies', 'CASCADE'), foreignKey('userId', 'users', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'assembly_participants',
        columns: [
          t.id(),
          t.uuid('assemblyId'),
          t.uuid('userId', { isNullable: true }),
          t.varchar('guestName', 40, { isNullable: true }),
          t.varchar('guestTokenHash', 64, { isNullable: true, isUnique: true }),
          t.varchar('presence', 10, { default: "'online'" }),
          bool('checkedIn'),
          t.createdAt(),
          t.timestamp('lastSeenAt', { isNullable: true }),
        ].map((c) => (c.name === 'createdAt' ? { ...c, name: 'joinedAt' } : c)),
        foreignKeys: [foreignKey('assemblyId', 'assemblies', 'CASCADE'), foreignKey('userId', 'users', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['assemblyId', 'userId'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'live_proposals',
        columns: [
          t.id(),
          t.uuid('assemblyId'),
          t.uuid('agendaItemId', { isNullable: true }),
          t.uuid('participantId', { isNullable: true }),
          text('text'),
          t.varchar('sourceNote', 300, { isNullable: true }),
          t.varchar('status', 20, { default: "'pending'" }),
          int('supportCount'),
          t.createdAt(),
        ],
        foreignKeys: [
          foreignKey('assemblyId', 'assemblies', 'CASCADE'),
          new TableForeignKey({
            columnNames: ['participantId'],
            referencedTableName: 'assembly_participants',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['assemblyId', 'createdAt'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'live_proposal_supports',
        columns: [t.uuid('liveProposalId', { isPrimary: true }), t.uuid('participantId', { isPrimary: true })],
        foreignKeys: [
          foreignKey('liveProposalId', 'live_proposals', 'CASCADE'),
          foreignKey('participantId', 'assembly_participants', 'CASCADE'),
        ],
        indices: [new TableIndex({ columnNames: ['participantId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'voting_rounds',
        columns: [
          t.id(),
          t.uuid('assemblyId'),
          t.uuid('agendaItemId', { isNullable: true }),
          t.varchar('question', 300),
          t.varchar('type', 30),
          json('options'),
          int('maxChoices', true),
          int('points', true),
          bool('secret'),
          bool('requireCheckIn'),
          t.varchar('status', 20, { default: "'draft'" }),
          int('hallBallots', true),
          t.varchar('hallNote', 300, { isNullable: true }),
          t.timestamp('openedAt', { isNullable: true }),
          t.timestamp('closedAt', { isNullable: true }),
          t.timestamp('publishedAt', { isNullable: true }),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('assemblyId', 'assemblies', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['assemblyId', 'createdAt'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ballot_receipts',
        columns: [
          t.uuid('roundId', { isPrimary: true }),
          t.uuid('participantId', { isPrimary: true }),
          t.varchar('idempotencyKey', 64),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('roundId', 'voting_rounds', 'CASCADE'), foreignKey('participantId', 'assembly_participants', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['participantId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'open_ballots',
        columns: [t.uuid('roundId', { isPrimary: true }), t.uuid('participantId', { isPrimary: true }), json('choices')],
        foreignKeys: [foreignKey('roundId', 'voting_rounds', 'CASCADE'), foreignKey('participantId', 'assembly_participants', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'round_tallies',
        columns: [t.uuid('roundId', { isPrimary: true }), t.varchar('optionId', 36, { isPrimary: true }), int('online'), int('hall')],
        foreignKeys: [foreignKey('roundId', 'voting_rounds', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'speaker_requests',
        columns: [
          t.id(),
          t.uuid('assemblyId'),
          t.uuid('participantId'),
          t.varchar('status', 20, { default: "'waiting'" }),
          { name: 'position', type: 'integer' },
          t.timestamp('startedAt', { isNullable: true }),
          t.timestamp('endedAt', { isNullable: true }),
          int('timeLimitSeconds', true),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('assemblyId', 'assemblies', 'CASCADE'), foreignKey('participantId', 'assembly_participants', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['assemblyId', 'status', 'position'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'assembly_events',
        columns: [
          t.id(),
          t.uuid('assemblyId'),
          t.varchar('type', 40),
          json('data'),
          t.varchar('actorRole', 20, { isNullable: true }),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('assemblyId', 'assemblies', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['assemblyId', 'createdAt'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'assembly_events',
      'speaker_requests',
      'round_tallies',
      'open_ballots',
      'ballot_receipts',
      'voting_rounds',
      'live_proposal_supports',
      'live_proposals',
      'assembly_participants',
      'assembly_registrations',
      'agenda_items',
      'assembly_moderators',
      'assembly_areas',
      'assemblies',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}

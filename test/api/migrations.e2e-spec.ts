import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AreaType, Role } from '@app/shared';
import { loadConfig } from '../../apps/api/src/config/config';
import { buildDataSourceOptions, createDataSource } from '../../apps/api/src/database/data-source-options';
import { MIGRATIONS, SCHEMA } from '../../apps/api/src/entities';
import { Area } from '../../apps/api/src/modules/areas/area.entity';
import { Session } from '../../apps/api/src/modules/auth/session.entity';
import { SignLanguageVideoEntity } from '../../apps/api/src/modules/sign-language/sign-language-video.entity';
import { User } from '../../apps/api/src/modules/users/user.entity';
import { createTestDatabase, type TestDatabase } from './helpers/database';

/**
 * The schema only ever comes from migrations (synchronize is off everywhere but here, where it is
 * only *asked* what it would change). This runs the real migration list on an empty database of
 * the configured kind, compares the result with the entities, rolls everything back and forward.
 */
const APP_TABLES = [
  'users',
  'sessions',
  'user_tokens',
  'areas',
  'fields_of_action',
  'audit_entries',
  'user_moderated_areas',
  'proposals',
  'proposal_supports',
  'proposal_status_events',
  'comments',
  'reports',
  'proposal_attachments',
  'proposal_follows',
  'proposal_unsubscribe_tokens',
  'assemblies',
  'assembly_areas',
  'assembly_moderators',
  'agenda_items',
  'assembly_registrations',
  'assembly_participants',
  'live_proposals',
  'live_proposal_supports',
  'voting_rounds',
  'ballot_receipts',
  'check_in_cards',
  'open_ballots',
  'round_tallies',
  'speaker_requests',
  'assembly_events',
  'projects',
  'project_areas',
  'project_proposals',
  'project_events',
  'project_milestones',
  'project_status_reports',
  'indicators',
  'language_reviews',
  'machine_translations',
  'sign_language_videos',
  'indicator_values',
  'indicator_targets',
  'outbox_mails',
  'funds',
  'fund_applications',
  'fund_application_events',
  'fund_application_attachments',
  'fund_online_votes',
  'fund_online_vote_codes',
  'fund_online_vote_voters',
  'fund_online_vote_tallies',
];
const MIGRATIONS_TABLE = 'migrations';
const isPostgres = Boolean(process.env.DATABASE_URL);

describe(`migrations on ${isPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let schemaAfterFirstUp: unknown;

  /** Every table in the database (SQLite's own bookkeeping tables left out). */
  async function listTables(): Promise<string[]> {
    const rows: Array<{ name: string }> = isPostgres
      ? await ds.query(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        )
      : await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
    return rows.map((r) => r.name).sort();
  }

  /** What TypeORM's schema sync would run to make the database match the entities. */
  async function pendingSchemaChanges(): Promise<string[]> {
    const sql = await ds.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  }

  /** Tables, columns, indices and constraints as the database reports them, to compare two states. */
  async function schemaFingerprint(): Promise<unknown> {
    if (!isPostgres) {
      return ds.query(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`);
    }
    return {
      columns: await ds.query(
        `SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, column_name`,
      ),
      indices: await ds.query(
        `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY tablename, indexname`,
      ),
      constraints: await ds.query(
        `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2`,
      ),
    };
  }

  async function appliedMigrations(): Promise<string[]> {
    const rows: Array<{ name: string }> = await ds.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY timestamp ASC`);
    return rows.map((r) => r.name);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(buildDataSourceOptions(loadConfig({ ...db.env, LOG_LEVEL: 'silent' }), SCHEMA));
    await ds.initialize();
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  it('starts from an empty database', async () => {
    expect(await listTables()).toEqual([]);
    expect(await ds.showMigrations()).toBe(true);
  });

  it('runs every migration up, in order', async () => {
    const executed = await ds.runMigrations({ transaction: 'each' });
    expect(executed.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name ?? m.name));
    expect(await appliedMigrations()).toEqual(executed.map((m) => m.name));
    schemaAfterFirstUp = await schemaFingerprint();
  });

  it('creates the expected tables', async () => {
    expect(await listTables()).toEqual([...APP_TABLES, MIGRATIONS_TABLE].sort());
    const runner = ds.createQueryRunner();
    try {
      for (const table of [...APP_TABLES, MIGRATIONS_TABLE])
        expect({ table, exists: await runner.hasTable(table) }).toEqual({ table, exists: true });
    } finally {
      await runner.release();
    }
  });

  it('reports no pending migration', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });

  it('leaves a schema that matches the entities exactly (schema sync would change nothing)', async () => {
    const changes = await pendingSchemaChanges();
    if (changes.length) {
      console.warn(
        `Schema drift between migrations and entities on ${ds.options.type} (what synchronize would run):\n${changes.map((q) => `  ${q}`).join('\n')}`,
      );
    }
    expect(changes).toEqual([]);
  });

  it('reverts every migration down and leaves no table behind', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await appliedMigrations()).toEqual([]);
    // TypeORM keeps its own bookkeeping table; everything the migrations created must be gone.
    expect(await listTables()).toEqual([MIGRATIONS_TABLE]);
    expect(await ds.showMigrations()).toBe(true);
  });

  it('runs up again after the full rollback, to exactly the same schema', async () => {
    const executed = await ds.runMigrations({ transaction: 'each' });
    expect(executed).toHaveLength(MIGRATIONS.length);
    expect(await listTables()).toEqual([...APP_TABLES, MIGRATIONS_TABLE].sort());
    expect(await ds.showMigrations()).toBe(false);
    expect(await schemaFingerprint()).toEqual(schemaAfterFirstUp);
  });

  it('gives a usable schema: rows with relations, defaults and uniqueness', async () => {
    const areas = ds.getRepository(Area);
    const district = await areas.save({
      type: AreaType.District,
      code: 'sb-migration',
      name: 'Migrationsbezirk',
      description: null,
      parentId: null,
      validFrom: '2020-01-01',
      validTo: null,
    });
    const actionArea = await areas.save({
      type: AreaType.ActionArea,
      code: 'ar-migration',
      name: 'Migrationsraum',
      description: null,
      parentId: district.id,
      validFrom: '2020-01-01',
      validTo: null,
    });
    const user = await ds
      .getRepository(User)
      .save({ email: 'migration@example.org', passwordHash: 'x', displayName: 'Migration', moderatorAreas: [actionArea] });
    await ds.getRepository(Session).save({ tokenHash: 'a'.repeat(64), userId: user.id, expiresAt: new Date(Date.now() + 3600_000) });

    const loaded = await ds.getRepository(User).findOneOrFail({ where: { id: user.id }, relations: { moderatorAreas: true } });
    expect(loaded).toEqual(
      expect.objectContaining({ email: 'migration@example.org', role: Role.Citizen, language: 'de', createdAt: expect.any(Date) }),
    );
    expect(loaded.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(loaded.moderatorAreas.map((a) => a.id)).toEqual([actionArea.id]);

    await expect(
      ds.getRepository(User).insert({ id: randomUUID(), email: 'migration@example.org', displayName: 'Twin' }),
    ).rejects.toThrow();
    await expect(areas.insert({ type: AreaType.District, code: 'sb-migration', name: 'Twin', validFrom: '2020-01-01' })).rejects.toThrow();
    await expect(areas.delete({ id: district.id })).rejects.toThrow(); // a parent with children cannot vanish
  });

  // The platform's sentences in proposal histories (English from the API, German from the demo data)
  // become notes written in each reader's language; people's own words stay as they are.
  it('turns the old "part of the project idea" sentences into notes, and back on revert', async () => {
    const notes = MIGRATIONS.findIndex((migration) => migration.name === 'ProposalStatusNotes1765600000000');
    expect(notes).toBeGreaterThan(0);
    const later = MIGRATIONS.length - 1 - notes;
    for (let i = 0; i <= later; i++) await ds.undoLastMigration({ transaction: 'each' });
    const area = await ds.getRepository(Area).findOneByOrFail({ code: 'ar-migration' });
    const user = await ds.getRepository(User).findOneByOrFail({ email: 'migration@example.org' });
    const fieldId = randomUUID();
    const proposalId = randomUUID();
    const p = (i: number) => (isPostgres ? `$${i}` : '?');
    await ds.query(
      `INSERT INTO "fields_of_action" ("id", "code", "nameDe", "nameEn", "descriptionDe", "descriptionEn") VALUES (${p(1)}, 'MG', 'Feld', 'Field', 'B', 'D')`,
      [fieldId],
    );
    await ds.query(
      `INSERT INTO "proposals" ("id", "title", "body", "fieldOfActionId", "areaId", "authorId", "submittedById") VALUES (${p(1)}, 'Bänke', 'Mehr Bänke am Platz.', ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
      [proposalId, fieldId, area.id, user.id, user.id],
    );
    const sentences = [
      'Part of the project idea "Sitzen am Platz".',
      'No longer part of the project idea "Sitzen am Platz".',
      'Teil der Projektidee „Schatten für alle“.',
      'Wir prüfen das im Frühjahr.',
    ];
    for (const [i, explanation] of sentences.entries()) {
      await ds.query(
        `INSERT INTO "proposal_status_events" ("id", "proposalId", "status", "explanation", "actorRole", "createdAt") VALUES (${p(1)}, ${p(2)}, 'submitted', ${p(3)}, 'moderator', ${p(4)})`,
        [randomUUID(), proposalId, explanation, new Date(Date.UTC(2026, 0, 1, 10, i))],
      );
    }
    await ds.runMigrations({ transaction: 'each' });
    const read = async (columns: string) =>
      ds.query(`SELECT ${columns} FROM "proposal_status_events" WHERE "proposalId" = ${p(1)} ORDER BY "createdAt"`, [proposalId]);
    expect(await read('"explanation", "note", "noteTitle"')).toEqual([
      { explanation: null, note: 'joined_idea', noteTitle: 'Sitzen am Platz' },
      { explanation: null, note: 'left_idea', noteTitle: 'Sitzen am Platz' },
      { explanation: null, note: 'joined_idea', noteTitle: 'Schatten für alle' },
      { explanation: 'Wir prüfen das im Frühjahr.', note: null, noteTitle: null },
    ]);
    // Reverted, the notes become sentences again (in English, as the API wrote them).
    for (let i = 0; i <= later; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect((await read('"explanation"')).map((r: { explanation: string }) => r.explanation)).toEqual([
      'Part of the project idea "Sitzen am Platz".',
      'No longer part of the project idea "Sitzen am Platz".',
      'Part of the project idea "Schatten für alle".',
      'Wir prüfen das im Frühjahr.',
    ]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  // Comments and live proposals written before they carried a language were German (the only language offered).
  it("gives existing comments and live proposals the language 'de', and drops the column on revert", async () => {
    const languages = MIGRATIONS.findIndex((migration) => migration.name === 'ContributionLanguages1765900000000');
    expect(languages).toBeGreaterThan(0);
    const later = MIGRATIONS.length - 1 - languages;
    for (let i = 0; i <= later; i++) await ds.undoLastMigration({ transaction: 'each' });
    const p = (i: number) => (isPostgres ? `$${i}` : '?');
    const area = await ds.getRepository(Area).findOneByOrFail({ code: 'ar-migration' });
    const user = await ds.getRepository(User).findOneByOrFail({ email: 'migration@example.org' });
    const [fieldId, proposalId, commentId, assemblyId, liveProposalId] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await ds.query(
      `INSERT INTO "fields_of_action" ("id", "code", "nameDe", "nameEn", "descriptionDe", "descriptionEn") VALUES (${p(1)}, 'ML', 'Feld', 'Field', 'B', 'D')`,
      [fieldId],
    );
    await ds.query(
      `INSERT INTO "proposals" ("id", "title", "body", "fieldOfActionId", "areaId", "authorId", "submittedById") VALUES (${p(1)}, 'Licht', 'Mehr Licht im Park.', ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
      [proposalId, fieldId, area.id, user.id, user.id],
    );
    await ds.query(`INSERT INTO "comments" ("id", "proposalId", "authorId", "body") VALUES (${p(1)}, ${p(2)}, ${p(3)}, 'Gute Idee.')`, [
      commentId,
      proposalId,
      user.id,
    ]);
    await ds.query(
      `INSERT INTO "assemblies" ("id", "title", "place", "startsAt", "endsAt", "joinCode") VALUES (${p(1)}, 'Versammlung', 'Saal', ${p(2)}, ${p(3)}, 'LANG01')`,
      [assemblyId, new Date(Date.UTC(2026, 0, 1, 18)), new Date(Date.UTC(2026, 0, 1, 20))],
    );
    await ds.query(`INSERT INTO "live_proposals" ("id", "assemblyId", "text") VALUES (${p(1)}, ${p(2)}, 'Mehr Bänke')`, [
      liveProposalId,
      assemblyId,
    ]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await ds.query(`SELECT "language" FROM "comments" WHERE "id" = ${p(1)}`, [commentId])).toEqual([{ language: 'de' }]);
    expect(await ds.query(`SELECT "language" FROM "live_proposals" WHERE "id" = ${p(1)}`, [liveProposalId])).toEqual([{ language: 'de' }]);
    // Reverted, the rows stay and the column goes.
    for (let i = 0; i <= later; i++) await ds.undoLastMigration({ transaction: 'each' });
    const columns = async (table: string) => ((await ds.createQueryRunner().getTable(table))?.columns ?? []).map((c) => c.name);
    expect(await columns('comments')).not.toContain('language');
    expect(await columns('live_proposals')).not.toContain('language');
    expect(await ds.query(`SELECT "body" FROM "comments" WHERE "id" = ${p(1)}`, [commentId])).toEqual([{ body: 'Gute Idee.' }]);
    await ds.query(`DELETE FROM "assemblies" WHERE "id" = ${p(1)}`, [assemblyId]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  // The shared door code goes (check-in cards replace it); reverted, every assembly gets a door code again.
  it('drops the door code for check-in cards, and gives assemblies a fresh one on revert', async () => {
    const cards = MIGRATIONS.findIndex((migration) => migration.name === 'CheckInCards1765400000000');
    expect(cards).toBeGreaterThan(0);
    const later = MIGRATIONS.length - 1 - cards;
    for (let i = 0; i <= later; i++) await ds.undoLastMigration({ transaction: 'each' });
    const p = (i: number) => (isPostgres ? `$${i}` : '?');
    const assemblyId = randomUUID();
    await ds.query(
      `INSERT INTO "assemblies" ("id", "title", "place", "startsAt", "endsAt", "joinCode", "checkInCode", "requireCheckIn") VALUES (${p(1)}, 'Versammlung', 'Saal', ${p(2)}, ${p(3)}, 'MIGR01', 'DOOR01', ${p(4)})`,
      [assemblyId, new Date(Date.UTC(2026, 0, 1, 18)), new Date(Date.UTC(2026, 0, 1, 20)), isPostgres ? true : 1],
    );
    await ds.runMigrations({ transaction: 'each' });
    const columns = async () => ((await ds.createQueryRunner().getTable('assemblies'))?.columns ?? []).map((c) => c.name);
    expect(await columns()).not.toContain('checkInCode');
    const [kept] = await ds.query(`SELECT "requireCheckIn" FROM "assemblies" WHERE "id" = ${p(1)}`, [assemblyId]);
    expect(Boolean(kept.requireCheckIn)).toBe(true);
    for (let i = 0; i <= later; i++) await ds.undoLastMigration({ transaction: 'each' });
    const [restored] = await ds.query(`SELECT "checkInCode" FROM "assemblies" WHERE "id" = ${p(1)}`, [assemblyId]);
    expect(restored.checkInCode).toMatch(/^[0-9A-F]{6}$/);
    await ds.query(`DELETE FROM "assemblies" WHERE "id" = ${p(1)}`, [assemblyId]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  // The sign language video's row: an id chosen by the service (it names the files), the upload time by default.
  it('stores the sign language video with the upload time as its default, and the table goes on revert', async () => {
    const videos = ds.getRepository(SignLanguageVideoEntity);
    const id = randomUUID();
    await videos.insert({
      id,
      videoFileName: 'erklaerung.mp4',
      videoMimeType: 'video/mp4',
      videoSize: 300 * 1024 * 1024,
      videoSha256: 'a'.repeat(64),
      captionsFileName: 'untertitel.vtt',
      captionsMimeType: 'text/vtt',
      captionsSize: 2048,
      captionsSha256: 'b'.repeat(64),
      description: 'Ä'.repeat(2000),
      uploadedById: null,
    });
    const stored = await videos.findOneByOrFail({ id });
    expect(stored).toEqual(
      expect.objectContaining({ videoSize: 300 * 1024 * 1024, description: 'Ä'.repeat(2000), uploadedAt: expect.any(Date) }),
    );
    expect(Math.abs(stored.uploadedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const own = MIGRATIONS.findIndex((migration) => migration.name === 'SignLanguageVideo1766100000000');
    expect(own).toBeGreaterThan(0);
    for (let i = 0; i <= MIGRATIONS.length - 1 - own; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await listTables()).not.toContain('sign_language_videos');
    await ds.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  // The moderator's translations (issue 16): rounds and agenda items that exist have none, assemblies no second
  // projector language; reverted, the columns go and the rows stay.
  it('adds the live translations beside existing rounds and items, and drops them on revert', async () => {
    const index = MIGRATIONS.findIndex((migration) => migration.name === 'LiveTranslations1766000000000');
    expect(index).toBeGreaterThan(0);
    const later = MIGRATIONS.length - 1 - index;
    for (let i = 0; i <= later; i++) await ds.undoLastMigration({ transaction: 'each' });
    const p = (i: number) => (isPostgres ? `$${i}` : '?');
    const [assemblyId, itemId, roundId] = [randomUUID(), randomUUID(), randomUUID()];
    await ds.query(
      `INSERT INTO "assemblies" ("id", "title", "place", "startsAt", "endsAt", "joinCode") VALUES (${p(1)}, 'Versammlung', 'Saal', ${p(2)}, ${p(3)}, 'MIGR02')`,
      [assemblyId, new Date(Date.UTC(2026, 0, 1, 18)), new Date(Date.UTC(2026, 0, 1, 20))],
    );
    await ds.query(
      `INSERT INTO "agenda_items" ("id", "assemblyId", "position", "title", "type") VALUES (${p(1)}, ${p(2)}, 1, 'Begrüßung', 'information')`,
      [itemId, assemblyId],
    );
    await ds.query(
      `INSERT INTO "voting_rounds" ("id", "assemblyId", "question", "type", "options") VALUES (${p(1)}, ${p(2)}, 'Bank?', 'single_choice', ${p(3)})`,
      [
        roundId,
        assemblyId,
        JSON.stringify([
          { id: 'o1', label: 'Holz' },
          { id: 'o2', label: 'Stein' },
        ]),
      ],
    );
    await ds.runMigrations({ transaction: 'each' });
    const [round] = await ds.query(`SELECT "translations", "options" FROM "voting_rounds" WHERE "id" = ${p(1)}`, [roundId]);
    expect(round.translations).toBeNull();
    expect(JSON.parse(round.options)).toHaveLength(2);
    const [item] = await ds.query(`SELECT "translations" FROM "agenda_items" WHERE "id" = ${p(1)}`, [itemId]);
    expect(item.translations).toBeNull();
    const [assembly] = await ds.query(`SELECT "projectorLanguage" FROM "assemblies" WHERE "id" = ${p(1)}`, [assemblyId]);
    expect(assembly.projectorLanguage).toBeNull();
    await ds.query(`UPDATE "voting_rounds" SET "translations" = ${p(1)} WHERE "id" = ${p(2)}`, [
      JSON.stringify({ tr: { question: 'Bank mı?', options: ['Ahşap', 'Taş'] } }),
      roundId,
    ]);
    for (let i = 0; i <= later; i++) await ds.undoLastMigration({ transaction: 'each' });
    const columns = async (table: string) => ((await ds.createQueryRunner().getTable(table))?.columns ?? []).map((c) => c.name);
    expect(await columns('voting_rounds')).not.toContain('translations');
    expect(await columns('agenda_items')).not.toContain('translations');
    expect(await columns('assemblies')).not.toContain('projectorLanguage');
    expect(await ds.query(`SELECT "question" FROM "voting_rounds" WHERE "id" = ${p(1)}`, [roundId])).toEqual([{ question: 'Bank?' }]);
    await ds.query(`DELETE FROM "assemblies" WHERE "id" = ${p(1)}`, [assemblyId]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  // A rollback of a database that holds data (nested areas, a moderator, a session), as
  // `npm run migration:revert` would do it on an installation that has been used.
  it('reverts every migration down with data in the tables', async () => {
    expect(await ds.getRepository(Area).count()).toBeGreaterThan(1);
    for (let i = 0; i < MIGRATIONS.length; i++) {
      await ds.undoLastMigration({ transaction: 'each' }).catch((error: Error & { query?: string }) => {
        throw new Error(`Reverting failed at: ${error.query ?? '(unknown query)'}\n${error.message}`);
      });
    }
    expect(await listTables()).toEqual([MIGRATIONS_TABLE]);
  });
});

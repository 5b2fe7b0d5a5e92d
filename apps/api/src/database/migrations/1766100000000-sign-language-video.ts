import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { NOW_SQL } from '../column-types';
import { schemaTypes } from './schema-helpers';

/** The city's video in German Sign Language with its captions (issue 16, BITV 2.0 § 4): the current one. */
export class SignLanguageVideo1766100000000 implements MigrationInterface {
  name = 'SignLanguageVideo1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'sign_language_videos',
        columns: [
          t.uuid('id', { isPrimary: true }),
          t.varchar('videoFileName', 200),
          t.varchar('videoMimeType', 40),
          { name: 'videoSize', type: 'integer' },
          t.varchar('videoSha256', 64),
          t.varchar('captionsFileName', 200),
          t.varchar('captionsMimeType', 40),
          { name: 'captionsSize', type: 'integer' },
          t.varchar('captionsSha256', 64),
          t.varchar('description', 2000, { isNullable: true }),
          t.uuid('uploadedById', { isNullable: true }),
          t.timestamp('uploadedAt', { default: NOW_SQL(t.isPostgres) }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sign_language_videos');
  }
}

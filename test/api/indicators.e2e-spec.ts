import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { CSRF_HEADER, INDICATOR_IMPORT_MAX_BYTES, Role, type ImportRowError, type IndicatorImportResponse } from '@app/shared';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

/** Posts a CSV body as the web client does (the file itself, Content-Type text/csv). */
function importCsv(client: ApiClient, body: Buffer | string, options: { dryRun?: boolean; type?: string } = {}) {
  const url = `/api/indicators/import${options.dryRun ? '?dryRun=true' : ''}`;
  return client
    .request('post', url)
    .set('Content-Type', options.type ?? 'text/csv')
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
}

const INDICATOR = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: { de: `Testquote ${key}`, en: `Test rate ${key}` },
  unit: '%',
  direction: 'lower_is_better',
  description: { de: 'Nur für Tests.', en: 'Tests only.' },
  source: 'Testdaten',
  decimals: 2,
  ...extra,
});

describe('indicators: definitions, values, targets and the CSV import', () => {
  let t: TestApp;
  let admin: ApiClient;
  let citizen: TestUser;
  let moderator: TestUser;
  let anonymous: ApiClient;
  let areaIds: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    citizen = await t.createUser();
    moderator = await t.createUser({ role: Role.Moderator });
    anonymous = await t.client();
    const areas = (await anonymous.get('/api/areas?include=all').expect(200)).body as Array<{ id: string; code: string }>;
    areaIds = Object.fromEntries(areas.map((a) => [a.code, a.id]));
    await admin.post('/api/indicators', INDICATOR('test_quote')).expect(201);
    await admin
      .post('/api/indicators', INDICATOR('test_einwohner', { unit: 'Personen', direction: 'higher_is_better', decimals: 0 }))
      .expect(201);
  });
  afterAll(() => t.close());

  const values = async (key: string, query = '') =>
    (await anonymous.get(`/api/indicators/${key}/values${query}`).expect(200)).body as Array<{
      areaCode: string;
      year: number;
      value: number;
    }>;

  describe('definitions', () => {
    it('lists the demo indicators of DOMAIN.md, publicly, with value counts', async () => {
      const list = (await anonymous.get('/api/indicators').expect(200)).body as Array<{ key: string; valueCount: number; source: string }>;
      const keys = list.map((i) => i.key);
      expect(keys).toEqual(
        expect.arrayContaining([
          'arbeitslosenrate',
          'sgb2_quote',
          'kinder_sgb2',
          'uebergang_gymnasium',
          'sprachkompetenz',
          'normalgewicht',
          'hilfen_zur_erziehung',
          'einkommensindex',
        ]),
      );
      const unemployment = list.find((i) => i.key === 'arbeitslosenrate')!;
      expect(unemployment).toEqual(
        expect.objectContaining({ unit: '%', direction: 'lower_is_better', decimals: 1, firstYear: 2012, lastYear: 2024 }),
      );
      expect(unemployment.valueCount).toBeGreaterThan(100);
      expect(unemployment.source).toMatch(/illustrativ/);
      const one = await anonymous.get('/api/indicators/ARBEITSLOSENRATE').expect(200);
      expect(one.body.name).toEqual({ de: 'Arbeitslosenrate (15 bis unter 65 Jahre)', en: 'Unemployment rate (aged 15 to under 65)' });
    });

    it('lets an administrator create, change and delete an indicator, audited', async () => {
      const created = await admin.post('/api/indicators', INDICATOR('crud_probe')).expect(201);
      expect(created.body).toEqual(
        expect.objectContaining({ key: 'crud_probe', valueCount: 0, firstYear: null, decimals: 2, sortOrder: 0 }),
      );
      expectErrorShape((await admin.post('/api/indicators', INDICATOR('crud_probe')).expect(409)).body, 409, 'INDICATOR_KEY_TAKEN');

      const changed = await admin.patch('/api/indicators/crud_probe', { name: { de: 'Probe', en: 'Probe' }, decimals: 0 }).expect(200);
      expect(changed.body).toEqual(
        expect.objectContaining({ key: 'crud_probe', name: { de: 'Probe', en: 'Probe' }, decimals: 0, unit: '%' }),
      );
      // The key is fixed; null is refused for required fields.
      expectErrorShape((await admin.patch('/api/indicators/crud_probe', { key: 'other' }).expect(400)).body, 400, 'VALIDATION_FAILED');
      const nulls = await admin.patch('/api/indicators/crud_probe', { unit: null, direction: null }).expect(400);
      expect(nulls.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['direction', 'unit']);

      await admin.put('/api/indicators/crud_probe/values', { areaId: null, year: 2020, value: 1 }).expect(200);
      expectErrorShape((await admin.delete('/api/indicators/crud_probe').expect(409)).body, 409, 'INDICATOR_IN_USE');
      const value = (await values('crud_probe'))[0] as unknown as { id: string };
      await admin.delete(`/api/indicators/crud_probe/values/${value.id}`).expect(204);
      await admin.delete('/api/indicators/crud_probe').expect(204);
      expectErrorShape((await anonymous.get('/api/indicators/crud_probe').expect(404)).body, 404, 'NOT_FOUND');

      const audit = (await admin.get(`/api/admin/audit?entityType=indicator&entityId=${created.body.id}&pageSize=100`).expect(200)).body;
      expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual([
        'indicator.created',
        'indicator.deleted',
        'indicator.updated',
      ]);
    });

    it('validates definitions with field details', async () => {
      const res = await admin
        .post('/api/indicators', {
          key: 'Bad Key',
          name: { de: 'X' },
          unit: '',
          direction: 'up',
          description: 'x',
          source: '',
          decimals: 9,
        })
        .expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
        ['decimals', 'description', 'direction', 'key', 'name.de', 'name.en', 'source', 'unit'].sort(),
      );
      expectErrorShape((await anonymous.get('/api/indicators/Bad%20Key').expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await anonymous.get('/api/indicators/x').expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await anonymous.get('/api/indicators/gibts_nicht').expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await anonymous.get('/api/indicators/00000000-0000-4000-8000-000000000000').expect(404)).body, 404, 'NOT_FOUND');
      // Paths take the id as well as the key.
      const byKey = (await anonymous.get('/api/indicators/test_quote').expect(200)).body;
      expect((await anonymous.get(`/api/indicators/${byKey.id}`).expect(200)).body.key).toBe('test_quote');
    });
  });

  describe('single values', () => {
    it('sets, replaces and deletes one value exactly (no float drift), audited', async () => {
      const nordmarkt = areaIds['ar-nordmarkt'];
      const first = await admin.put('/api/indicators/test_quote/values', { areaId: nordmarkt, year: 2015, value: 12.3 }).expect(200);
      expect(first.body).toEqual(
        expect.objectContaining({ indicatorKey: 'test_quote', areaId: nordmarkt, areaCode: 'ar-nordmarkt', year: 2015, value: 12.3 }),
      );
      const second = await admin.put('/api/indicators/test_quote/values', { areaId: nordmarkt, year: 2015, value: 0.3 }).expect(200);
      expect(second.body).toEqual(expect.objectContaining({ id: first.body.id, value: 0.3 }));
      const city = await admin.put('/api/indicators/test_quote/values', { areaId: null, year: 2015, value: 9.9999 }).expect(200);
      expect(city.body).toEqual(expect.objectContaining({ areaId: null, areaCode: 'stadt', areaName: null, value: 9.9999 }));

      expect((await values('test_quote', '?from=2015&to=2015')).map((v) => [v.areaCode, v.value])).toEqual([
        ['stadt', 9.9999],
        ['ar-nordmarkt', 0.3],
      ]);
      expect((await values('test_quote', '?areaId=city&from=2015&to=2015')).map((v) => v.areaCode)).toEqual(['stadt']);
      expect((await values('test_quote', `?areaId=${nordmarkt}&from=2015&to=2015`)).map((v) => v.value)).toEqual([0.3]);

      const audit = (await admin.get(`/api/admin/audit?entityType=indicator_value&entityId=${first.body.id}`).expect(200)).body;
      expect(
        audit.items.map((e: { action: string; details: { from: number | null; to: number } }) => [e.action, e.details.from, e.details.to]),
      ).toEqual(
        expect.arrayContaining([
          ['indicator_value.created', null, 12.3],
          ['indicator_value.updated', 12.3, 0.3],
        ]),
      );
      await admin.delete(`/api/indicators/test_quote/values/${first.body.id}`).expect(204);
      await admin.delete(`/api/indicators/test_quote/values/${city.body.id}`).expect(204);
      expectErrorShape((await admin.delete(`/api/indicators/test_quote/values/${city.body.id}`).expect(404)).body, 404);
      expect(await values('test_quote', '?from=2015&to=2015')).toEqual([]);
    });

    it('refuses bad values, years and areas with 400/422, never 500', async () => {
      const put = (body: unknown) => admin.put('/api/indicators/test_quote/values', body);
      for (const value of ['abc', '12.5', 1.23456, 0.1 + 0.2, '', null, true, 1e20, -1e12, [1]]) {
        const res = await put({ areaId: null, year: 2020, value }).expect(400);
        expect({ value, fields: res.body.details.map((d: { field: string }) => d.field) }).toEqual({ value, fields: ['value'] });
      }
      for (const year of [1800, 2020.5, '2020', null]) {
        const res = await put({ areaId: null, year, value: 1 }).expect(400);
        expect({ year, fields: res.body.details.map((d: { field: string }) => d.field) }).toEqual({ year, fields: ['year'] });
      }
      expectErrorShape((await put({ areaId: 'nope', year: 2020, value: 1 }).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await put({ year: 2020, value: 1 }).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape(
        (await put({ areaId: '00000000-0000-4000-8000-000000000000', year: 2020, value: 1 }).expect(422)).body,
        422,
        'REFERENCE_INVALID',
      );
      expectErrorShape(
        (await admin.put('/api/indicators/gibts_nicht/values', { areaId: null, year: 2020, value: 1 }).expect(404)).body,
        404,
      );
      expectErrorShape((await anonymous.get('/api/indicators/test_quote/values?areaId=nope').expect(400)).body, 400);
      expectErrorShape((await anonymous.get('/api/indicators/test_quote/values?from=abc').expect(400)).body, 400);
      expectErrorShape((await admin.delete('/api/indicators/test_quote/values/not-a-uuid').expect(400)).body, 400);
    });
  });

  describe('targets', () => {
    it('creates, lists, changes and deletes targets (city-wide and per area), audited', async () => {
      const city = await admin
        .post('/api/indicator-targets', { indicatorKey: 'test_quote', comparator: 'below', value: 10, dueYear: 2030 })
        .expect(201);
      expect(city.body).toEqual(
        expect.objectContaining({
          indicatorKey: 'test_quote',
          areaId: null,
          areaCode: 'stadt',
          comparator: 'below',
          value: 10,
          dueYear: 2030,
          note: null,
        }),
      );
      const area = await admin
        .post('/api/indicator-targets', {
          indicatorKey: 'test_quote',
          areaId: areaIds['ar-hafen'],
          comparator: 'below',
          value: 15.5,
          dueYear: 2028,
          note: 'Beschluss 123/2024',
        })
        .expect(201);
      expect(area.body).toEqual(expect.objectContaining({ areaCode: 'ar-hafen', areaName: 'Hafen', value: 15.5 }));

      const listed = (await anonymous.get('/api/indicator-targets?indicator=test_quote').expect(200)).body as Array<{ id: string }>;
      expect(listed.map((x) => x.id)).toEqual([area.body.id, city.body.id]);
      expect(
        (await anonymous.get('/api/indicator-targets?indicator=test_quote&areaId=city').expect(200)).body.map((x: { id: string }) => x.id),
      ).toEqual([city.body.id]);
      const all = (await anonymous.get('/api/indicator-targets').expect(200)).body as Array<{
        indicatorKey: string;
        value: number;
        comparator: string;
      }>;
      expect(all).toContainEqual(expect.objectContaining({ indicatorKey: 'arbeitslosenrate', comparator: 'below', value: 10 }));

      const changed = await admin
        .patch(`/api/indicator-targets/${area.body.id}`, { areaId: null, comparator: 'above', note: null })
        .expect(200);
      expect(changed.body).toEqual(
        expect.objectContaining({ areaId: null, areaCode: 'stadt', comparator: 'above', value: 15.5, note: null }),
      );
      expectErrorShape((await admin.patch(`/api/indicator-targets/${area.body.id}`, { value: null }).expect(400)).body, 400);
      expectErrorShape((await admin.patch(`/api/indicator-targets/${area.body.id}`, { indicatorKey: 'x' }).expect(400)).body, 400);
      await admin.delete(`/api/indicator-targets/${area.body.id}`).expect(204);
      await admin.delete(`/api/indicator-targets/${city.body.id}`).expect(204);
      expectErrorShape((await admin.delete(`/api/indicator-targets/${city.body.id}`).expect(404)).body, 404);

      const audit = (await admin.get(`/api/admin/audit?entityType=indicator_target&entityId=${area.body.id}`).expect(200)).body;
      expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual([
        'indicator_target.created',
        'indicator_target.deleted',
        'indicator_target.updated',
      ]);
    });

    it('refuses bad targets', async () => {
      const post = (body: Record<string, unknown>) =>
        admin.post('/api/indicator-targets', { indicatorKey: 'test_quote', comparator: 'below', value: 10, dueYear: 2030, ...body });
      expect((await post({ comparator: 'equal' }).expect(400)).body.details[0].field).toBe('comparator');
      expect((await post({ value: 'zehn' }).expect(400)).body.details[0].field).toBe('value');
      expect((await post({ dueYear: 3000 }).expect(400)).body.details[0].field).toBe('dueYear');
      expectErrorShape((await post({ indicatorKey: 'gibts_nicht' }).expect(422)).body, 422, 'REFERENCE_INVALID');
      expectErrorShape((await post({ areaId: '00000000-0000-4000-8000-000000000000' }).expect(422)).body, 422, 'REFERENCE_INVALID');
      expectErrorShape((await anonymous.get('/api/indicator-targets?areaId=x').expect(400)).body, 400);
      expectErrorShape((await admin.patch('/api/indicator-targets/nope', { value: 1 }).expect(400)).body, 400);
    });
  });

  describe('CSV import', () => {
    it('a dry run of a clean file counts what would change and writes nothing', async () => {
      const res = await importCsv(admin, fixture('indicators-valid.csv'), { dryRun: true }).expect(200);
      expect(res.body).toEqual({
        dryRun: true,
        imported: false,
        delimiter: ',',
        decimalSeparator: '.',
        rows: 4,
        counts: { inserted: 4, updated: 0, unchanged: 0 },
        errorCount: 0,
        errors: [],
        durationMs: expect.any(Number),
      });
      expect(await values('test_quote', '?from=2022&to=2023')).toEqual([]);
    });

    it('imports a clean comma file in one go; re-importing it changes nothing; a changed value is an update', async () => {
      const first = (await importCsv(admin, fixture('indicators-valid.csv')).expect(200)).body as IndicatorImportResponse;
      expect(first).toEqual(
        expect.objectContaining({ dryRun: false, imported: true, rows: 4, counts: { inserted: 4, updated: 0, unchanged: 0 } }),
      );
      expect((await values('test_quote', '?from=2022&to=2023')).map((v) => [v.areaCode, v.year, v.value])).toEqual([
        ['ar-nordmarkt', 2022, 18.4],
        ['stadt', 2023, 11.95],
        ['ar-hafen', 2023, 21],
        ['ar-nordmarkt', 2023, 17.9],
      ]);

      const again = (await importCsv(admin, fixture('indicators-valid.csv')).expect(200)).body as IndicatorImportResponse;
      expect(again).toEqual(expect.objectContaining({ imported: true, counts: { inserted: 0, updated: 0, unchanged: 4 } }));
      const dryAgain = (await importCsv(admin, fixture('indicators-valid.csv'), { dryRun: true }).expect(200)).body;
      expect(dryAgain.counts).toEqual({ inserted: 0, updated: 0, unchanged: 4 });

      // The same numbers written differently are the same values (exact decimals, no float drift).
      const reformatted =
        'indicator,year,area,value\ntest_quote,2022,AR-NORDMARKT,18.40\ntest_quote,2023,stadt,11.950\ntest_quote,2023,ar-hafen,21.0\ntest_quote,2023,ar-nordmarkt,18\n';
      const changed = (await importCsv(admin, reformatted).expect(200)).body as IndicatorImportResponse;
      expect(changed.counts).toEqual({ inserted: 0, updated: 1, unchanged: 3 });
      expect((await values('test_quote', `?areaId=${areaIds['ar-nordmarkt']}&from=2023&to=2023`)).map((v) => v.value)).toEqual([18]);

      const audit = (await admin.get('/api/admin/audit?entityType=indicator_value&pageSize=100').expect(200)).body;
      const imports = audit.items.filter((e: { action: string }) => e.action === 'indicator_values.imported');
      expect(imports.map((e: { details: unknown }) => e.details)).toEqual(
        expect.arrayContaining([
          { rows: 4, inserted: 4, updated: 0, unchanged: 0 },
          { rows: 4, inserted: 0, updated: 0, unchanged: 4 },
          { rows: 4, inserted: 0, updated: 1, unchanged: 3 },
        ]),
      );
    });

    it('reads the German statistics-office dialect: BOM, semicolons, decimal comma, thousands dots, CRLF, German headers', async () => {
      const res = (await importCsv(admin, fixture('indicators-valid-de.csv')).expect(200)).body as IndicatorImportResponse;
      expect(res).toEqual(
        expect.objectContaining({
          imported: true,
          delimiter: ';',
          decimalSeparator: ',',
          rows: 5,
          counts: { inserted: 5, updated: 0, unchanged: 0 },
          errors: [],
        }),
      );
      expect((await values('test_quote', '?from=2024&to=2024')).map((v) => [v.areaCode, v.value])).toEqual([
        ['stadt', 11.2],
        ['ar-hafen', -0.25],
        ['ar-nordmarkt', 17.5],
      ]);
      expect((await values('test_einwohner', '?from=2024&to=2024')).map((v) => [v.areaCode, v.value])).toEqual([
        ['stadt', 580511],
        ['ar-borsigplatz', 14250],
      ]);
      expect((await importCsv(admin, fixture('indicators-valid-de.csv')).expect(200)).body.counts).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: 5,
      });
    });

    it('reports every bad row with its line, column and reason, and imports nothing (dry run and real)', async () => {
      const expected: ImportRowError[] = [
        { line: 3, column: 'area', code: 'unknown_area', message: expect.stringContaining('ar-gibtsnicht'), value: 'ar-gibtsnicht' },
        { line: 4, column: 'indicator', code: 'unknown_indicator', message: expect.stringContaining('gibts_nicht'), value: 'gibts_nicht' },
        { line: 5, column: 'value', code: 'not_a_number', message: expect.any(String), value: 'zwoelf' },
        { line: 6, code: 'duplicate_row', message: expect.stringContaining('line 2') },
        { line: 7, column: 'year', code: 'year_not_integer', message: expect.any(String), value: '2020.5' },
        { line: 8, column: 'year', code: 'year_out_of_range', message: expect.any(String), value: '1850' },
        { line: 9, column: 'year', code: 'year_out_of_range', message: expect.any(String), value: '2099' },
        { line: 10, code: 'wrong_column_count', message: expect.stringContaining('3 columns') },
        { line: 12, column: 'value', code: 'empty_value', message: expect.any(String), value: '' },
        { line: 13, column: 'value', code: 'too_many_decimals', message: expect.any(String), value: '1.23456' },
        { line: 14, column: 'value', code: 'not_a_number', message: expect.any(String), value: '1,5' },
        { line: 15, column: 'indicator', code: 'empty_value', message: expect.any(String), value: '' },
        { line: 16, code: 'wrong_column_count', message: expect.stringContaining('5 columns') },
        { line: 17, column: 'area', code: 'unknown_area', message: expect.any(String), value: 'ar-gibtsnicht' },
        { line: 17, column: 'year', code: 'year_not_integer', message: expect.any(String), value: '20x0' },
        { line: 17, column: 'value', code: 'not_a_number', message: expect.any(String), value: 'abc' },
      ] as ImportRowError[];
      for (const dryRun of [true, false]) {
        const res = (await importCsv(admin, fixture('indicators-bad.csv'), { dryRun }).expect(200)).body as IndicatorImportResponse;
        expect(res).toEqual(
          expect.objectContaining({
            dryRun,
            imported: false,
            rows: 15,
            counts: { inserted: 0, updated: 0, unchanged: 0 },
            errorCount: expected.length,
          }),
        );
        expect(res.errors).toEqual(expected);
      }
      // Line 2 was fine, but nothing of a file with errors is written.
      expect(await values('test_quote', '?from=2018&to=2021')).toEqual([]);
    });

    it('reports a missing column, a duplicate column and a broken quote at the header / the line', async () => {
      const missing = (await importCsv(admin, fixture('indicators-missing-column.csv')).expect(200)).body as IndicatorImportResponse;
      expect(missing).toEqual(expect.objectContaining({ imported: false, delimiter: ';', errorCount: 1 }));
      expect(missing.errors).toEqual([{ line: 1, column: 'year', code: 'missing_column', message: expect.stringContaining('Jahr') }]);

      const twice = (await importCsv(admin, 'area,indicator,year,Jahr,value\nar-hafen,test_quote,2020,2020,1\n').expect(200)).body;
      expect(twice.errors).toEqual([{ line: 1, column: 'Jahr', code: 'duplicate_column', message: expect.any(String), value: 'Jahr' }]);

      const broken = (
        await importCsv(admin, 'area,indicator,year,value\nar-hafen,test_quote,2020,1\n"ar-hafen,test_quote,2021,2\n').expect(200)
      ).body;
      expect(broken.errors).toEqual([{ line: 3, code: 'malformed', message: expect.stringContaining('CSV') }]);

      const headerOnly = (await importCsv(admin, 'area,indicator,year,value\n').expect(200)).body;
      expect(headerOnly).toEqual(expect.objectContaining({ imported: true, rows: 0, counts: { inserted: 0, updated: 0, unchanged: 0 } }));
      expect(await values('test_quote', '?from=2020&to=2021')).toEqual([]);
    });

    it('lists at most 5,000 errors but counts them all', async () => {
      const lines = [
        'area,indicator,year,value',
        ...Array.from({ length: 6000 }, (_, i) => `ar-hafen,test_quote,${1990 + (i % 30)},x${i}`),
      ];
      const res = (await importCsv(admin, `${lines.join('\n')}\n`, { dryRun: true }).expect(200)).body as IndicatorImportResponse;
      expect(res.errorCount).toBe(6000 + 5970); // every value is bad, and rows 31… repeat an earlier (area, indicator, year)
      expect(res.errors).toHaveLength(5000);
      expect(res.errors[0]).toEqual(expect.objectContaining({ line: 2, code: 'not_a_number', value: 'x0' }));
    });

    it('a multi-line quoted cell keeps the line numbers of later rows right', async () => {
      const csv = 'area,indicator,year,value,comment\nar-hafen,test_quote,2020,1,"two\nlines"\nar-hafen,gibts_nicht,2020,1,x\n';
      const res = (await importCsv(admin, csv, { dryRun: true }).expect(200)).body as IndicatorImportResponse;
      expect(res.errors).toEqual([expect.objectContaining({ line: 4, code: 'unknown_indicator' })]);
    });

    it('refuses bodies that are not a CSV file with 400, and too large ones with 413', async () => {
      expectErrorShape((await admin.post('/api/indicators/import', { csv: 'x' }).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await importCsv(admin, '').expect(400)).body, 400, 'VALIDATION_FAILED');
      const latin1 = Buffer.from('area,indicator,year,value\nar-h\xf6rde,test_quote,2020,1\n', 'latin1');
      const notUtf8 = await importCsv(admin, latin1).expect(400);
      expect(notUtf8.body.message).toMatch(/UTF-8/);
      expectErrorShape((await importCsv(admin, 'a', { type: 'text/csv; charset=iso-8859-1' }).expect(400)).body, 400);
      expectErrorShape(
        (await admin.request('post', '/api/indicators/import?dryRun=maybe').set('Content-Type', 'text/csv').send('a').expect(400)).body,
        400,
      );

      const big = Buffer.alloc(INDICATOR_IMPORT_MAX_BYTES + 1, 'a');
      const tooLarge = await importCsv(admin, big).expect(413);
      expectErrorShape(tooLarge.body, 413, 'PAYLOAD_TOO_LARGE');
      expect(tooLarge.body.message).toMatch(/20 MB/);
    });

    it('is for administrators only: 401 without a session, 403 for citizens and moderators', async () => {
      const csv = fixture('indicators-valid.csv');
      expectErrorShape((await importCsv(anonymous, csv).expect(401)).body, 401, 'UNAUTHENTICATED');
      for (const user of [citizen, moderator]) {
        expectErrorShape((await importCsv(user.client, csv).expect(403)).body, 403, 'FORBIDDEN');
        expectErrorShape((await user.client.post('/api/indicators', INDICATOR('not_allowed')).expect(403)).body, 403, 'FORBIDDEN');
        expectErrorShape((await user.client.patch('/api/indicators/test_quote', { unit: 'x' }).expect(403)).body, 403, 'FORBIDDEN');
        expectErrorShape((await user.client.delete('/api/indicators/test_quote').expect(403)).body, 403, 'FORBIDDEN');
        expectErrorShape(
          (await user.client.put('/api/indicators/test_quote/values', { areaId: null, year: 2020, value: 1 }).expect(403)).body,
          403,
          'FORBIDDEN',
        );
        expectErrorShape(
          (
            await user.client
              .post('/api/indicator-targets', { indicatorKey: 'test_quote', comparator: 'below', value: 1, dueYear: 2030 })
              .expect(403)
          ).body,
          403,
          'FORBIDDEN',
        );
      }
      // Without the CSRF header the write is refused too.
      const noCsrf = await request(t.url)
        .post('/api/indicators/import')
        .set('Content-Type', 'text/csv')
        .send('area,indicator,year,value\n');
      expect([401, 403]).toContain(noCsrf.status);
      expect(CSRF_HEADER).toBeTruthy();
    });
  });
});

import { parse } from 'csv-parse/sync';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AssemblyStatus,
  AssemblyVisibility,
  CITIZEN_TEXT_LICENCE,
  CITIZEN_TEXT_LICENCE_COLUMNS,
  OPEN_DATA_DATASET_IDS,
  OPEN_DATA_LICENCE,
  OPEN_DATA_LICENCE_URL,
  Presence,
  Role,
  VotingRoundStatus,
  VotingType,
  type OpenDataCatalogue,
  type OpenDataFile,
} from '@app/shared';
import { Assembly } from '../../apps/api/src/modules/assemblies/entities/assembly.entity';
import { BallotReceipt, OpenBallot, RoundTally, VotingRoundEntity } from '../../apps/api/src/modules/live/entities/live.entities';
import { Participant } from '../../apps/api/src/modules/live/entities/participant.entity';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';

const LICENCE_COLUMNS = ['licence', 'licenceUrl', 'generatedAt'];

describe('open data: catalogue and downloads (CSV, JSON)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let author: TestUser;
  let moderator: TestUser;
  const secret = randomBytes(4).toString('hex');
  const marker = {
    authorName: `Autorin ${secret}`,
    moderatorName: `Moderatorin ${secret}`,
    guestName: `Gast ${secret}`,
    sourceNote: `Karte ${secret} von Frau Beispiel, Telefon 0231 123456`,
    hiddenTitle: `Versteckter Vorschlag ${secret}`,
    unlistedTitle: `Interne Versammlung ${secret}`,
    draftQuestion: `Noch geschlossene Frage ${secret}`,
  };
  const ids = {} as {
    visibleProposal: string;
    formulaProposal: string;
    publicAssembly: string;
    openRound: string;
    secretRound: string;
    participants: string[];
    project: string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    admin = await t.admin();
    anonymous = await t.client();
    author = await t.createUser({ displayName: marker.authorName });
    moderator = await t.createUser({ role: Role.Moderator, displayName: marker.moderatorName });
    const areas = (await anonymous.get('/api/areas?type=action_area').expect(200)).body as Array<{ id: string; code: string }>;
    const hafen = areas.find((a) => a.code === 'ar-hafen')!.id;
    const fieldId = (await anonymous.get('/api/fields-of-action').expect(200)).body[0].id;
    const proposal = (title: string, body = 'Ein offener Vorschlag mit genug Text für die Prüfung.') => ({
      title,
      body,
      fieldOfActionId: fieldId,
      areaId: hafen,
    });

    ids.visibleProposal = (await author.client.post('/api/proposals', proposal(`Sichtbarer Vorschlag ${secret}`)).expect(201)).body.id;
    ids.formulaProposal = (
      await author.client.post('/api/proposals', proposal('=HYPERLINK("http://example.org","klick")')).expect(201)
    ).body.id;
    const hidden = (await author.client.post('/api/proposals', proposal(marker.hiddenTitle)).expect(201)).body.id;
    await moderator.client.post(`/api/moderation/proposals/${hidden}/hide`, { reason: 'Enthält persönliche Daten.' }).expect(200);
    await moderator.client
      .post('/api/proposals/on-behalf', { ...proposal(`Karte aus der Versammlung ${secret}`), sourceNote: marker.sourceNote })
      .expect(201);
    await author.client.post(`/api/proposals/${ids.visibleProposal}/comments`, { body: `Kommentar ${secret}` }).expect(201);

    ids.project = (
      await admin
        .post('/api/projects', {
          title: `Projektidee ${secret}`,
          description: 'Eine Projektidee für die offenen Daten.',
          fieldOfActionId: fieldId,
          areaIds: [hafen],
        })
        .expect(201)
    ).body.id;

    // Assemblies: a public closed one with results, an unlisted one with a published round.
    const newAssembly = async (title: string, visibility: AssemblyVisibility) =>
      (
        await admin
          .post('/api/assemblies', {
            title,
            place: 'Stadtteilzentrum Hafen',
            startsAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
            endsAt: new Date(Date.now() - 3600_000).toISOString(),
            areaIds: [hafen],
            visibility,
          })
          .expect(201)
      ).body.id as string;
    ids.publicAssembly = await newAssembly(`Öffentliche Versammlung ${secret}`, AssemblyVisibility.Public);
    const unlisted = await newAssembly(marker.unlistedTitle, AssemblyVisibility.Unlisted);
    await ds.getRepository(Assembly).update({ id: ids.publicAssembly }, { status: AssemblyStatus.Closed });

    const participants = ds.getRepository(Participant);
    const people = [];
    for (const [i, presence] of [Presence.Hall, Presence.Online, Presence.Online].entries()) {
      people.push(
        await participants.save(
          participants.create({
            assemblyId: ids.publicAssembly,
            guestName: i === 0 ? marker.guestName : null,
            userId: i === 1 ? author.id : null,
            presence,
            checkedIn: i === 0,
            joinedAt: new Date(),
          }),
        ),
      );
    }
    ids.participants = people.map((p) => p.id);

    const rounds = ds.getRepository(VotingRoundEntity);
    const options = [
      { id: 'yes', label: 'Ja' },
      { id: 'no', label: 'Nein' },
    ];
    const round = (assemblyId: string, question: string, secretRound: boolean, status: VotingRoundStatus) =>
      rounds.save(
        rounds.create({
          assemblyId,
          question,
          type: VotingType.YesNoAbstain,
          options,
          secret: secretRound,
          status,
          publishedAt: status === VotingRoundStatus.Published ? new Date() : null,
        }),
      );
    const open = await round(ids.publicAssembly, `Offene Frage ${secret}`, false, VotingRoundStatus.Published);
    const secretRound = await round(ids.publicAssembly, `Geheime Frage ${secret}`, true, VotingRoundStatus.Published);
    const closed = await round(ids.publicAssembly, marker.draftQuestion, false, VotingRoundStatus.Closed);
    const hiddenRound = await round(unlisted, `Frage der internen Versammlung ${secret}`, false, VotingRoundStatus.Published);
    ids.openRound = open.id;
    ids.secretRound = secretRound.id;
    await ds.getRepository(RoundTally).save([
      { roundId: open.id, optionId: 'yes', online: 2, hall: 10 },
      { roundId: open.id, optionId: 'no', online: 0, hall: 3 },
      { roundId: secretRound.id, optionId: 'yes', online: 1, hall: 7 },
      { roundId: secretRound.id, optionId: 'no', online: 0, hall: 4 },
      { roundId: closed.id, optionId: 'yes', online: 5, hall: 0 },
      { roundId: hiddenRound.id, optionId: 'yes', online: 1, hall: 0 },
    ]);
    // The one app voter of the secret round, and the open ballots: none of it may show up.
    await ds.getRepository(BallotReceipt).save([
      { roundId: secretRound.id, participantId: people[1].id, idempotencyKey: `k-${secret}-1` },
      { roundId: open.id, participantId: people[1].id, idempotencyKey: `k-${secret}-2` },
      { roundId: open.id, participantId: people[2].id, idempotencyKey: `k-${secret}-3` },
    ]);
    await ds.getRepository(OpenBallot).save([
      { roundId: open.id, participantId: people[1].id, choices: { yes: 1 } },
      { roundId: open.id, participantId: people[2].id, choices: { yes: 1 } },
    ]);
  });
  afterAll(() => t.close());

  const json = async (id: string) =>
    (await anonymous.get(`/api/open-data/${id}.json`).expect(200)).body as OpenDataFile<Record<string, unknown>>;
  const csv = async (id: string) => {
    const res = await anonymous.get(`/api/open-data/${id}.csv`).expect(200);
    return { res, rows: parse(res.text, { columns: true }) as Array<Record<string, string>>, header: res.text.split('\r\n')[0].split(',') };
  };

  it('lists every dataset in the catalogue with description, licence, formats, URLs, columns and last change', async () => {
    const res = await anonymous.get('/api/open-data').expect(200);
    const catalogue = res.body as OpenDataCatalogue;
    expect(catalogue).toEqual(
      expect.objectContaining({
        licence: OPEN_DATA_LICENCE,
        licenceUrl: OPEN_DATA_LICENCE_URL,
        publisher: expect.any(String),
        generatedAt: expect.any(String),
      }),
    );
    expect(catalogue.datasets.map((d) => d.id)).toEqual([...OPEN_DATA_DATASET_IDS]);
    for (const d of catalogue.datasets) {
      expect(d.title.de && d.title.en && d.description.de && d.description.en).toBeTruthy();
      expect(d.licence).toBe(OPEN_DATA_LICENCE);
      expect(d.formats).toEqual([
        { format: 'csv', mediaType: 'text/csv', url: `/api/open-data/${d.id}.csv` },
        { format: 'json', mediaType: 'application/json', url: `/api/open-data/${d.id}.json` },
      ]);
      const file = await json(d.id);
      expect({ id: d.id, count: d.count }).toEqual({ id: d.id, count: file.records.length });
      // Every dataset with rows says when it last changed (participation statistics included).
      if (d.count > 0) expect({ id: d.id, lastModified: d.lastModified }).toEqual({ id: d.id, lastModified: expect.any(String) });
    }
    const proposals = catalogue.datasets.find((d) => d.id === 'proposals')!;
    expect(proposals.contentLicence).toEqual(expect.objectContaining({ licence: CITIZEN_TEXT_LICENCE, attribution: expect.any(String) }));
    expect(catalogue.datasets.find((d) => d.id === 'areas')!.contentLicence).toBeNull();
  });

  it.each([...OPEN_DATA_DATASET_IDS])(
    '%s: JSON has licence and timestamp in meta; CSV has them in every row and in the headers',
    async (id) => {
      const file = await json(id);
      expect(file.meta).toEqual(
        expect.objectContaining({ dataset: id, licence: OPEN_DATA_LICENCE, licenceUrl: OPEN_DATA_LICENCE_URL, count: file.records.length }),
      );
      expect(Date.parse(file.meta.generatedAt)).toBeGreaterThan(Date.now() - 60_000);

      const { res, rows, header } = await csv(id);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${id}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      expect(res.headers.link).toBe(`<${OPEN_DATA_LICENCE_URL}>; rel="license"`);
      expect(Date.parse(res.headers['x-generated-at'])).toBeGreaterThan(Date.now() - 60_000);
      const catalogue = (await anonymous.get('/api/open-data').expect(200)).body as OpenDataCatalogue;
      const dataset = catalogue.datasets.find((d) => d.id === id)!;
      const columns = dataset.columns;
      // Files with citizens' texts also name those texts' licence (CC BY 4.0) on every row.
      const textColumns = dataset.contentLicence ? [...CITIZEN_TEXT_LICENCE_COLUMNS] : [];
      expect(header).toEqual([...columns, ...LICENCE_COLUMNS, ...textColumns]);
      if (dataset.contentLicence) for (const row of rows) expect(row.textLicence).toBe(CITIZEN_TEXT_LICENCE);
      expect(rows).toHaveLength(file.records.length);
      for (const row of rows)
        expect([row.licence, row.licenceUrl, row.generatedAt]).toEqual([
          OPEN_DATA_LICENCE,
          OPEN_DATA_LICENCE_URL,
          res.headers['x-generated-at'],
        ]);
      if (file.records.length) expect(Object.keys(file.records[0])).toEqual(columns);
    },
  );

  it('contains no personal data in any file: no emails, names, pseudonyms, source notes, hidden or unlisted content', async () => {
    const forbidden = [
      author.email,
      moderator.email,
      'admin@example.org',
      marker.authorName,
      marker.moderatorName,
      marker.guestName,
      marker.sourceNote,
      marker.hiddenTitle,
      marker.unlistedTitle,
      marker.draftQuestion,
      author.id,
      moderator.id,
      ...ids.participants,
      `k-${secret}`,
      'passwordHash',
      'checkInCode',
      'joinCode',
    ];
    for (const id of OPEN_DATA_DATASET_IDS) {
      for (const text of [
        (await anonymous.get(`/api/open-data/${id}.json`).expect(200)).text,
        (await anonymous.get(`/api/open-data/${id}.csv`).expect(200)).text,
      ]) {
        for (const value of forbidden) expect({ id, leaked: text.includes(value) ? value : null }).toEqual({ id, leaked: null });
        expect({ id, email: /[\w.+-]+@[\w-]+\.[\w.]+/.test(text) }).toEqual({ id, email: false });
      }
    }
    const proposals = await json('proposals');
    expect(proposals.records.map((p) => p.id)).toContain(ids.visibleProposal);
    expect(Object.keys(proposals.records[0]).sort()).toEqual(
      ['areaCode', 'body', 'commentCount', 'createdAt', 'fieldOfActionCode', 'id', 'status', 'supportCount', 'title'].sort(),
    );
    expect(proposals.meta.contentLicence).toEqual(expect.objectContaining({ licence: CITIZEN_TEXT_LICENCE, columns: ['title', 'body'] }));
  });

  it('publishes results of published rounds of public assemblies only: sums per option, secret rounds as totals only', async () => {
    const results = (await json('vote-results')).records;
    const byRound = (roundId: string) => results.filter((r) => r.roundId === roundId).map((r) => [r.optionId, r.online, r.hall, r.total]);
    expect(byRound(ids.openRound)).toEqual([
      ['yes', 2, 10, 12],
      ['no', 0, 3, 3],
    ]);
    expect(byRound(ids.secretRound)).toEqual([
      ['yes', null, null, 8],
      ['no', null, null, 4],
    ]);
    expect(new Set(results.map((r) => r.roundId))).toEqual(new Set([ids.openRound, ids.secretRound]));
    expect(results.find((r) => r.roundId === ids.secretRound)).toEqual(
      expect.objectContaining({
        assemblyId: ids.publicAssembly,
        secret: true,
        question: `Geheime Frage ${secret}`,
        votingType: 'yes_no_abstain',
        optionLabel: 'Ja',
      }),
    );
    const { rows } = await csv('vote-results');
    const secretCsv = rows.filter((r) => r.roundId === ids.secretRound);
    expect(secretCsv.map((r) => [r.online, r.hall, r.total, r.secret])).toEqual([
      ['', '', '8', 'true'],
      ['', '', '4', 'true'],
    ]);
  });

  it('lists public assemblies with attendance once held; projects and their timeline; areas; participation', async () => {
    const assemblies = (await json('assemblies')).records;
    expect(assemblies.find((a) => a.id === ids.publicAssembly)).toEqual(
      expect.objectContaining({ status: 'closed', areaCodes: ['ar-hafen'], attendance: 3, checkedIn: 1, place: 'Stadtteilzentrum Hafen' }),
    );
    const { rows: assemblyRows } = await csv('assemblies');
    expect(assemblyRows.find((a) => a.id === ids.publicAssembly)).toEqual(
      expect.objectContaining({ areaCodes: 'ar-hafen', attendance: '3' }),
    );

    const projects = (await json('projects')).records;
    expect(projects.find((p) => p.id === ids.project)).toEqual(
      expect.objectContaining({
        title: `Projektidee ${secret}`,
        state: 'idea',
        areaCodes: ['ar-hafen'],
        fieldOfActionCode: expect.any(String),
      }),
    );
    const timeline = (await json('project-states')).records.filter((e) => e.projectId === ids.project);
    expect(timeline[0]).toEqual(expect.objectContaining({ version: 1, toState: 'idea', createdAt: expect.any(String) }));
    expect(Object.keys(timeline[0])).not.toContain('actorId');

    const areas = (await json('areas')).records;
    expect(areas.find((a) => a.code === 'ar-alt-scharnhorst')).toEqual(
      expect.objectContaining({ type: 'action_area', parentCode: 'sb-scharnhorst', validFrom: '2008-01-01', validTo: '2016-12-31' }),
    );
    const month = new Date().toISOString().slice(0, 7);
    const participation = (await json('participation')).records;
    expect(participation.find((r) => r.area === 'ar-hafen' && r.month === month)).toEqual(
      expect.objectContaining({ proposals: expect.any(Number), comments: expect.any(Number) }),
    );
  });

  it('indicator values: city-wide as "stadt", exact decimals, and the CSV imports back unchanged', async () => {
    const values = await json('indicator-values');
    expect(values.meta.note).toMatch(/illustrativ/);
    expect(values.records[0]).toEqual({
      area: 'stadt',
      indicator: expect.any(String),
      year: 2012,
      value: expect.stringMatching(/^-?\d+(\.\d+)?$/),
    });
    expect(values.records).toContainEqual({ area: 'stadt', indicator: 'arbeitslosenrate', year: 2013, value: '13.2' });
    const targets = (await json('targets')).records;
    expect(targets).toContainEqual(
      expect.objectContaining({ indicator: 'arbeitslosenrate', area: 'stadt', comparator: 'below', value: '10', dueYear: 2030 }),
    );
    const indicators = (await json('indicators')).records;
    expect(indicators.map((i) => i.key)).toContain('einkommensindex');

    const file = await anonymous.get('/api/open-data/indicator-values.csv').expect(200);
    const reimport = await admin
      .request('post', '/api/indicators/import?dryRun=true')
      .set('Content-Type', 'text/csv')
      .send(file.text)
      .expect(200);
    expect(reimport.body).toEqual(
      expect.objectContaining({
        errorCount: 0,
        rows: values.records.length,
        counts: { inserted: 0, updated: 0, unchanged: values.records.length },
      }),
    );
  });

  it('keeps spreadsheet formulas inert in CSV and verbatim in JSON', async () => {
    const { rows } = await csv('proposals');
    expect(rows.find((r) => r.id === ids.formulaProposal)!.title).toBe(`'=HYPERLINK("http://example.org","klick")`);
    expect((await json('proposals')).records.find((r) => r.id === ids.formulaProposal)!.title).toBe(
      '=HYPERLINK("http://example.org","klick")',
    );
  });

  it('answers 404 for unknown datasets and formats, and is public for everybody', async () => {
    for (const file of ['foo.csv', 'areas.xml', 'areas', 'AREAS.csv', '..%2Fareas.csv']) {
      expectErrorShape((await anonymous.get(`/api/open-data/${file}`).expect(404)).body, 404, 'NOT_FOUND');
    }
    for (const client of [anonymous, author.client, moderator.client, admin]) await client.get('/api/open-data/areas.json').expect(200);
  });
});

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AgendaItemType,
  AssemblyEventType,
  AssemblyStatus,
  AssemblyVisibility,
  englishWordsIn,
  Language,
  LiveProposalStatus,
  Presence,
  Role,
  VotingRoundStatus,
  VotingType,
} from '@app/shared';
import { AssemblyEventsService } from '../../apps/api/src/modules/assemblies/assembly-events.service';
import { MINUTES_TEXTS } from '../../apps/api/src/modules/minutes/minutes.i18n';
import { AgendaItemEntity, Assembly } from '../../apps/api/src/modules/assemblies/entities/assembly.entity';
import {
  BallotReceipt,
  LiveProposalEntity,
  OpenBallot,
  RoundTally,
  SpeakerRequest,
  VotingRoundEntity,
} from '../../apps/api/src/modules/live/entities/live.entities';
import { AssemblyEvent } from '../../apps/api/src/modules/assemblies/entities/assembly-event.entity';
import { Participant } from '../../apps/api/src/modules/live/entities/participant.entity';
import { LiveChanges } from '../../apps/api/src/modules/live/live-changes';
import { User } from '../../apps/api/src/modules/users/user.entity';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { pdfFontsOf, pdfInfoOf, pdfStructureOf, pdfTextOf } from './helpers/pdf';

/**
 * Minutes of an assembly: generated from the event log and the assembly's tables, as
 * Markdown and PDF, German and English. The live gateway writes these rows in production; here
 * the fixture writes them through the app's DataSource, so the minutes are tested on their own.
 */

const at = (hhmmss: string) => new Date(`2026-11-20T${hhmmss}Z`); // 20 Nov 2026, CET = UTC+1

const HOSTILE = '<script>alert(1)</script> [klick](javascript:alert(1)) # Überschrift | a | b |';
const REJECTED_TEXT = 'ABGELEHNTER GEHEIMTEXT';
const TITLE = 'Bürgerversammlung Südstadt: Grünflächen & Verkehr';

describe('assembly minutes (Markdown and PDF, de and en)', () => {
  let t: TestApp;
  let ds: DataSource;
  let anonymous: ApiClient;
  let moderator: TestUser;
  let otherModerator: TestUser;
  let citizen: TestUser;
  let admin: ApiClient;
  let assemblyId: string;
  const items: Record<string, string> = {};
  let runningRoundId: string;
  let areaId: string;

  const md = (client: ApiClient, lang?: string) => client.get(`/api/assemblies/${assemblyId}/minutes.md${lang ? `?lang=${lang}` : ''}`);
  const pdf = (client: ApiClient, lang?: string) =>
    client
      .get(`/api/assemblies/${assemblyId}/minutes.pdf${lang ? `?lang=${lang}` : ''}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const setAssembly = (patch: Partial<Assembly>) => ds.getRepository(Assembly).update({ id: assemblyId }, patch);

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    anonymous = await t.client();
    admin = await t.admin();
    const areas = (await admin.get('/api/areas').expect(200)).body as Array<{ id: string; parentId: string | null; name: string }>;
    const area = areas.find((a) => a.parentId) ?? areas[0];
    areaId = area.id;
    const unrelated = areas.find((a) => a.id !== area.id && a.id !== area.parentId && a.parentId !== area.id)!;
    moderator = await t.createUser({ role: Role.Moderator, areaIds: [area.id], displayName: 'Mara Moderatorin' });
    otherModerator = await t.createUser({ role: Role.Moderator, areaIds: [unrelated.id], displayName: 'Otto Anderswo' });
    citizen = await t.createUser({ displayName: 'Carla Citizen' });

    const agenda = [
      { title: 'Begrüßung', type: AgendaItemType.Information },
      { title: 'Vorschläge sammeln', type: AgendaItemType.ProposalCollection },
      { title: 'Aussprache', type: AgendaItemType.Discussion },
      { title: 'Abstimmung über die Flächen', type: AgendaItemType.Vote },
    ];
    const body = {
      title: TITLE,
      place: 'Aula der Grundschule Südstadt',
      startsAt: at('17:00:00').toISOString(),
      endsAt: at('19:00:00').toISOString(),
      areaIds: [area.id],
      moderatorIds: [moderator.id],
      agenda,
    };
    // The assembly itself through the REST route; its live course below as rows (the gateway's job in production).
    const created = await moderator.client.post('/api/assemblies', body).expect(201);
    assemblyId = created.body.id;
    expect(created.body.agenda.map((item: { title: string }) => item.title)).toEqual(agenda.map((item) => item.title));
    for (const item of await ds.getRepository(AgendaItemEntity).find({ where: { assemblyId } })) items[item.position] = item.id;
    await setAssembly({ status: AssemblyStatus.Live, visibility: AssemblyVisibility.Public });

    // Participants: 3 in the hall (2 checked in), 4 online (one with an account).
    const participants = ds.getRepository(Participant);
    const person = (guestName: string | null, presence: Presence, checkedIn: boolean, userId: string | null = null) =>
      participants.save(participants.create({ assemblyId, guestName, userId, presence, checkedIn, joinedAt: at('17:01:00') }));
    const anna = await person('Anna Saal', Presence.Hall, true);
    const bernd = await person('Bernd Saal', Presence.Hall, true);
    await person('Clara Saal', Presence.Hall, false);
    const dieter = await person('Dieter Online', Presence.Online, false);
    const eva = await person('Eva Online', Presence.Online, false);
    const fritz = await person('Fritz Nurwähler', Presence.Online, false);
    await person(null, Presence.Online, false, citizen.id);

    // Proposals: three approved (one on behalf, one hostile), two pending, one rejected.
    const proposals = ds.getRepository(LiveProposalEntity);
    const propose = (
      text: string,
      status: LiveProposalStatus,
      supportCount: number,
      participantId: string | null,
      minute: string,
      sourceNote: string | null = null,
    ) =>
      proposals.save(
        proposals.create({
          assemblyId,
          agendaItemId: items[2],
          participantId,
          text,
          status,
          supportCount,
          sourceNote,
          createdAt: at(`17:${minute}:00`),
        }),
      );
    await propose('Mehr Bänke im Stadtpark', LiveProposalStatus.Approved, 7, anna.id, '11');
    await propose('Tempo 30 vor der Grundschule', LiveProposalStatus.Approved, 3, null, '12', 'Karte Nr. 12');
    await propose(HOSTILE, LiveProposalStatus.Approved, 0, dieter.id, '13');
    await propose('Noch nicht geprüft A', LiveProposalStatus.Pending, 0, eva.id, '14');
    await propose('Noch nicht geprüft B', LiveProposalStatus.Pending, 0, bernd.id, '15');
    await propose(REJECTED_TEXT, LiveProposalStatus.Rejected, 0, eva.id, '16');

    // An open round (published) with ballots in the app and a hall tally, a secret one (closed), a draft.
    const rounds = ds.getRepository(VotingRoundEntity);
    const openRound = await rounds.save(
      rounds.create({
        assemblyId,
        agendaItemId: items[4],
        question: 'Soll der Stadtpark mehr Bänke bekommen?',
        type: VotingType.YesNoAbstain,
        // As the API stores them: the fixed options in English, named in the minutes' language.
        options: [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
          { id: 'abstain', label: 'Abstain' },
        ],
        secret: false,
        status: VotingRoundStatus.Published,
        hallBallots: 27,
        hallNote: 'Handzeichen, gezählt von zwei Personen',
        openedAt: at('17:41:00'),
        closedAt: at('17:45:00'),
        publishedAt: at('17:46:00'),
        createdAt: at('17:40:30'),
      }),
    );
    const secretRound = await rounds.save(
      rounds.create({
        assemblyId,
        agendaItemId: items[4],
        question: 'Welche Fläche soll zuerst begrünt werden?',
        type: VotingType.SingleChoice,
        options: [
          { id: 'markt', label: 'Marktplatz' },
          { id: 'schule', label: 'Schulhof' },
          { id: 'bahnhof', label: 'Bahnhofsvorplatz' },
        ],
        secret: true,
        requireCheckIn: true,
        status: VotingRoundStatus.Closed,
        hallBallots: 15,
        hallNote: 'Stimmzettel in der Urne',
        openedAt: at('17:50:00'),
        closedAt: at('17:55:00'),
        createdAt: at('17:49:00'),
      }),
    );
    await rounds.save(
      rounds.create({
        assemblyId,
        question: 'Entwurf, nie geöffnet',
        type: VotingType.YesNoAbstain,
        options: [{ id: 'yes', label: 'Ja' }],
        status: VotingRoundStatus.Draft,
      }),
    );
    // A round still open: the minutes show it, but no interim result.
    runningRoundId = (
      await rounds.save(
        rounds.create({
          assemblyId,
          question: 'Soll es ein Straßenfest geben?',
          type: VotingType.YesNoAbstain,
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'no', label: 'No' },
          ],
          status: VotingRoundStatus.Open,
          openedAt: at('17:58:00'),
          createdAt: at('17:57:00'),
        }),
      )
    ).id;
    const tallies = ds.getRepository(RoundTally);
    await tallies.save([
      { roundId: openRound.id, optionId: 'yes', online: 3, hall: 20 },
      { roundId: openRound.id, optionId: 'no', online: 1, hall: 5 },
      { roundId: openRound.id, optionId: 'abstain', online: 0, hall: 2 },
      { roundId: secretRound.id, optionId: 'markt', online: 2, hall: 10 },
      { roundId: secretRound.id, optionId: 'schule', online: 1, hall: 4 },
      { roundId: secretRound.id, optionId: 'bahnhof', online: 0, hall: 1 },
      { roundId: runningRoundId, optionId: 'yes', online: 9, hall: 0 },
    ]);
    const receipts = ds.getRepository(BallotReceipt);
    const openBallots = ds.getRepository(OpenBallot);
    const openVotes: Array<[Participant, string]> = [
      [anna, 'yes'],
      [bernd, 'yes'],
      [fritz, 'yes'],
      [dieter, 'no'],
    ];
    for (const [p, choice] of openVotes) {
      await receipts.save({ roundId: openRound.id, participantId: p.id, idempotencyKey: randomUUID() });
      await openBallots.save({ roundId: openRound.id, participantId: p.id, choices: { [choice]: 1 } });
    }
    for (const p of [anna, bernd, fritz])
      await receipts.save({ roundId: secretRound.id, participantId: p.id, idempotencyKey: randomUUID() });

    // Speakers: Anna and Eva are in the log; Bernd's turn only in his request's row; Eva still speaks.
    const speakers = ds.getRepository(SpeakerRequest);
    const request = (p: Participant, position: number, startedAt: Date, endedAt: Date | null, status: string) =>
      speakers.save(
        speakers.create({ assemblyId, participantId: p.id, position, startedAt, endedAt, status: status as SpeakerRequest['status'] }),
      );
    const annaTurn = await request(anna, 1, at('17:21:00'), at('17:24:05'), 'done');
    await request(bernd, 2, at('17:25:00'), at('17:26:30'), 'done');
    const evaTurn = await request(eva, 3, at('17:30:00'), null, 'speaking');

    // The event log (with the times the moderator's actions happened).
    const log = ds.getRepository(AssemblyEvent);
    const event = (type: AssemblyEventType, data: Record<string, unknown>, time: string) =>
      log.save(log.create({ assemblyId, type, data, actorRole: Role.Moderator, createdAt: at(time) }));
    await event(AssemblyEventType.Opened, {}, '17:00:30');
    await event(AssemblyEventType.ItemStarted, { itemId: items[1] }, '17:02:00');
    await event(AssemblyEventType.ItemStarted, { itemId: items[2] }, '17:10:00');
    await event(AssemblyEventType.ItemStarted, { itemId: items[3] }, '17:20:00');
    await event(AssemblyEventType.SpeakerStarted, { speakerId: annaTurn.id, participantId: anna.id, name: 'Anna Saal' }, '17:21:00');
    await event(AssemblyEventType.SpeakerStopped, { speakerId: annaTurn.id, participantId: anna.id, name: 'Anna Saal' }, '17:24:05');
    await event(AssemblyEventType.SpeakerStarted, { speakerId: evaTurn.id, participantId: eva.id, name: 'Eva Online' }, '17:30:00');
    await event(AssemblyEventType.ItemStarted, { itemId: items[4] }, '17:40:00');
    // And one through the service the gateway uses (its time is now: it must not disturb the order).
    await t.app.get(AssemblyEventsService).record(assemblyId, AssemblyEventType.ParticipantJoined, { participantId: fritz.id }, null);
  });
  afterAll(() => t.close());

  describe('while the assembly is live', () => {
    it('refuses everybody but its moderators (403 with a message), before anything is generated', async () => {
      for (const client of [anonymous, citizen.client, otherModerator.client]) {
        for (const res of [await md(client), await pdf(client)]) {
          expect(res.status).toBe(403);
          expectErrorShape(res.body instanceof Buffer ? JSON.parse(res.body.toString()) : res.body, 403, 'FORBIDDEN');
        }
      }
      const res = await md(anonymous);
      expect(res.body.message).toMatch(/once the assembly is closed/);
    });

    it('gives its moderators provisional minutes in German by default, with every section and the right numbers', async () => {
      const res = await md(moderator.client).expect(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="protokoll-2026-11-20-buergerversammlung-suedstadt-gruenflaechen-verkehr.md"',
      );
      expect(res.headers['cache-control']).toContain('no-store');
      const text = res.text;

      expect(text).toMatch(/^# Protokoll: Bürgerversammlung Südstadt: Grünflächen \\& Verkehr\n/);
      expect(text).toContain('> **VORLÄUFIG:** Die Versammlung ist noch nicht geschlossen.');
      expect(text).toMatch(/\*Erstellt am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\*/);
      for (const heading of ['Überblick', 'Anwesenheit', 'Tagesordnung', 'Eingegangene Vorschläge', 'Abstimmungen', 'Redebeiträge'])
        expect(text).toContain(`\n## ${heading}\n`);

      // Overview
      expect(text).toContain('- **Datum:** 20.11.2026');
      expect(text).toContain('- **Geplant:** 20.11.2026, 18:00 – 20:00');
      expect(text).toContain('- **Eröffnet:** 20.11.2026, 18:00');
      expect(text).toContain('- **Geschlossen:** noch nicht');
      expect(text).toContain('- **Ort:** Aula der Grundschule Südstadt');
      expect(text).toContain('- **Moderation:** Mara Moderatorin');
      expect(text).toContain('- **Status:** läuft');

      // Attendance
      expect(text).toContain('- **Teilnehmende im Saal:** 3');
      expect(text).toContain('- **Teilnehmende online:** 4');
      expect(text).toContain('- **Eingecheckt am Eingang:** 2');
      expect(text).toContain('- **Teilnehmende insgesamt:** 7');

      // Agenda in order, with the time each item was called up
      expect(text).toContain(
        [
          '| Nr. | Punkt | Art | Aufgerufen |',
          '| ---: | --- | --- | --- |',
          '| 1 | Begrüßung | Information | 18:02 |',
          '| 2 | Vorschläge sammeln | Vorschläge sammeln | 18:10 |',
          '| 3 | Aussprache | Aussprache | 18:20 |',
          '| 4 | Abstimmung über die Flächen | Abstimmung | 18:40 |',
        ].join('\n'),
      );

      // Proposals: approved with author and support; pending and rejected as counts only
      expect(text).toContain('6 Vorschläge eingegangen: 3 zugelassen, 2 nicht bearbeitet, 1 abgelehnt.');
      expect(text).toContain('| 1 | Mehr Bänke im Stadtpark | Anna Saal | 2 | 7 |');
      expect(text).toContain('| 2 | Tempo 30 vor der Grundschule | im Auftrag: Karte Nr. 12 | 2 | 3 |');
      expect(text).toContain('Abgelehnte Vorschläge werden im Protokoll nicht wiedergegeben.');
      expect(text).not.toContain(REJECTED_TEXT);
      expect(text).not.toContain('Noch nicht geprüft');

      // Voting rounds: drafts are not minuted; open and secret ones with app, hall and total per option
      expect(text).not.toContain('Entwurf, nie geöffnet');
      expect(text).toContain('### Abstimmung 1\n');
      expect(text).toContain('- **Frage:** Soll der Stadtpark mehr Bänke bekommen?');
      expect(text).toContain('- **Art:** Ja / Nein / Enthaltung');
      expect(text).toContain('- **Stimmabgabe:** namentlich');
      expect(text).toContain('- **Optionen:** Ja · Nein · Enthaltung');
      expect(text).toContain('- **Status:** veröffentlicht');
      expect(text).toContain('- **Stimmabgaben in der App:** 4');
      expect(text).toContain('- **Abstimmende im Saal:** 27');
      expect(text).toContain('- **Anmerkung zur Saalzählung:** Handzeichen, gezählt von zwei Personen');
      expect(text).toContain(
        [
          '| Option | App | Saal | Gesamt |',
          '| --- | ---: | ---: | ---: |',
          '| Ja | 3 | 20 | 23 |',
          '| Nein | 1 | 5 | 6 |',
          '| Enthaltung | 0 | 2 | 2 |',
        ].join('\n'),
      );
      expect(text).toContain('### Abstimmung 2\n');
      expect(text).toContain('- **Frage:** Welche Fläche soll zuerst begrünt werden?');
      expect(text).toContain('- **Art:** Einfachauswahl');
      expect(text).toContain('- **Stimmabgabe:** geheim, nur Eingecheckte stimmberechtigt');
      expect(text).toContain('- **Status:** geschlossen');
      expect(text).toContain('- **Stimmabgaben in der App:** 3');
      expect(text).toContain('- **Abstimmende im Saal:** 15');
      expect(text).toContain('- **Anmerkung zur Saalzählung:** Stimmzettel in der Urne');
      expect(text).toContain(['| Marktplatz | 2 | 10 | 12 |', '| Schulhof | 1 | 4 | 5 |', '| Bahnhofsvorplatz | 0 | 1 | 1 |'].join('\n'));
      expect(text).toContain('Geheime Abstimmung: Es werden nur Summen festgehalten');
      const running = text.slice(text.indexOf('### Abstimmung 3\n'), text.indexOf('## Redebeiträge'));
      expect(running).toContain('- **Frage:** Soll es ein Straßenfest geben?');
      expect(running).toContain('- **Status:** Abstimmung läuft');
      expect(running).toContain('*Das Ergebnis folgt, sobald die Abstimmung geschlossen ist.*');
      expect(running).not.toContain('| Option |'); // no interim tally
      expect(running).not.toContain('| 9 |');

      // One glossary: no English word in the German minutes (option names, types, labels).
      expect(englishWordsIn(text)).toEqual([]);

      // Speakers in order with start and duration (Bernd's turn from his request's row; Eva still speaks)
      expect(text).toContain(
        [
          '| Nr. | Name | Beginn | Dauer |',
          '| ---: | --- | --- | ---: |',
          '| 1 | Anna Saal | 18:21 | 3:05 min |',
          '| 2 | Bernd Saal | 18:25 | 1:30 min |',
          '| 3 | Eva Online | 18:30 | spricht noch |',
        ].join('\n'),
      );
    });

    it('never names who voted what: a participant who only voted appears nowhere', async () => {
      for (const lang of ['de', 'en']) {
        const text = (await md(moderator.client, lang).expect(200)).text;
        expect(text).not.toContain('Fritz');
        expect(text).not.toContain('Nurwähler');
        // Dieter appears as a proposal author only, never next to a round.
        const roundsPart = text.slice(
          text.indexOf(lang === 'de' ? '## Abstimmungen' : '## Votes'),
          text.indexOf(lang === 'de' ? '## Redebeiträge' : '## Speakers'),
        );
        expect(roundsPart).not.toMatch(/Dieter|Anna|Bernd/);
      }
    });

    it('escapes hostile proposal text so it cannot become Markdown or HTML', async () => {
      const text = (await md(moderator.client).expect(200)).text;
      const row = text.split('\n').find((line) => line.includes('script'))!;
      expect(row).toBe(
        '| 3 | \\<script\\>alert(1)\\</script\\> \\[klick\\](javascript:alert(1)) \\# Überschrift \\| a \\| b \\| | Dieter Online | 2 | 0 |',
      );
      expect(text).not.toContain('<script>');
      expect(text).not.toMatch(/(?<!\\)\]\(javascript:/); // a bracket that could close a link is always escaped
      expect(text).not.toMatch(/^#+ Überschrift/m);
      // The escaped cell does not add columns: every proposal row has the table's five cells.
      const cells = row.replace(/\\\|/g, '').split('|').length - 2;
      expect(cells).toBe(5);
    });

    it('speaks English with lang=en', async () => {
      const res = await md(moderator.client, 'en').expect(200);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="minutes-2026-11-20-buergerversammlung-suedstadt-gruenflaechen-verkehr.md"',
      );
      const text = res.text;
      expect(text).toMatch(/^# Minutes: Bürgerversammlung Südstadt: Grünflächen \\& Verkehr\n/);
      expect(text).toContain('> **PROVISIONAL:** The assembly has not been closed yet.');
      for (const heading of ['Overview', 'Attendance', 'Agenda', 'Proposals received', 'Votes', 'Speakers'])
        expect(text).toContain(`\n## ${heading}\n`);
      expect(text).toContain('- **Date:** 20/11/2026');
      expect(text).toContain('- **Participants in the hall:** 3');
      expect(text).toContain('- **Participants online:** 4');
      expect(text).toContain('- **Checked in at the door:** 2');
      expect(text).toContain('- **Participants in total:** 7');
      expect(text).toContain('| 2 | Vorschläge sammeln | Collecting proposals | 18:10 |');
      expect(text).toContain('6 proposals received: 3 approved, 2 not reviewed, 1 rejected.');
      expect(text).toContain('| 2 | Tempo 30 vor der Grundschule | on behalf: Karte Nr. 12 | 2 | 3 |');
      expect(text).toContain('- **Ballot:** secret, only checked-in participants may vote');
      expect(text).toContain('- **Voters in the hall:** 27');
      expect(text).toContain('| Option | App | Hall | Total |');
      expect(text).toContain('- **Options:** Yes · No · Abstain');
      expect(text).toContain('| Yes | 3 | 20 | 23 |');
      expect(text).toContain('| 3 | Eva Online | 18:30 | still speaking |');
      expect(text).not.toContain(REJECTED_TEXT);
    });

    it('refuses an unknown language, a malformed id and an assembly that does not exist', async () => {
      expectErrorShape((await md(moderator.client, 'fr').expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await moderator.client.get('/api/assemblies/not-a-uuid/minutes.md').expect(400)).body, 400, 'VALIDATION_FAILED');
      for (const format of ['md', 'pdf'])
        expectErrorShape(
          (await moderator.client.get(`/api/assemblies/${randomUUID()}/minutes.${format}`).expect(404)).body,
          404,
          'NOT_FOUND',
        );
    });

    it('renders the same minutes as an A4 PDF with the provisional banner and page numbers', async () => {
      const res = await pdf(moderator.client).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="protokoll-2026-11-20-buergerversammlung-suedstadt-gruenflaechen-verkehr.pdf"',
      );
      const file = res.body as Buffer;
      expect(file.subarray(0, 5).toString()).toBe('%PDF-');
      expect(file.subarray(-6).toString()).toContain('%%EOF');
      expect(file.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
      const { text, pages } = pdfTextOf(file);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`Protokoll: ${TITLE}`);
      expect(text).toContain('VORLÄUFIG');
      for (const heading of ['Überblick', 'Anwesenheit', 'Tagesordnung', 'Eingegangene Vorschläge', 'Abstimmungen', 'Redebeiträge'])
        expect(text).toContain(heading);
      for (let page = 1; page <= pages; page++) expect(text).toContain(`Seite ${page} von ${pages}`);
      expect(text).toMatch(/Erstellt am \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
      expect(text).toContain('Mehr Bänke im Stadtpark');
      expect(text).toContain('<script>alert(1)</script>'); // in a PDF it is just text
      expect(text).toContain('Soll der Stadtpark mehr Bänke bekommen?');
      expect(text).toContain('Handzeichen, gezählt von zwei Personen');
      expect(text).toContain('Bahnhofsvorplatz');
      expect(text).toContain('3:05 min');
      expect(text).not.toContain(REJECTED_TEXT);
      expect(text).not.toContain('Fritz');
      expect(text).toContain('Ja · Nein · Enthaltung');
      expect(englishWordsIn(text)).toEqual([]);

      const en = pdfTextOf((await pdf(moderator.client, 'en').expect(200)).body as Buffer).text;
      expect(en).toContain(`Minutes: ${TITLE}`);
      expect(en).toContain('PROVISIONAL');
      expect(en).toMatch(/Page 1 of \d/);
      expect(en).toContain('Proposals received');
    });

    it('lets administrators read them too', async () => {
      await md(admin).expect(200);
      await pdf(admin).expect(200);
    });
  });

  describe('after closing', () => {
    beforeAll(async () => {
      const log = ds.getRepository(AssemblyEvent);
      const speaker = await ds
        .getRepository(SpeakerRequest)
        .findOneOrFail({ where: { assemblyId, status: 'speaking' as SpeakerRequest['status'] } });
      await ds
        .getRepository(SpeakerRequest)
        .update({ id: speaker.id }, { status: 'done' as SpeakerRequest['status'], endedAt: at('17:32:00') });
      await log.save(
        log.create({
          assemblyId,
          type: AssemblyEventType.SpeakerStopped,
          data: { speakerId: speaker.id, endedAt: at('17:32:00').toISOString() },
          actorRole: Role.Moderator,
          createdAt: at('17:32:00'),
        }),
      );
      await log.save(
        log.create({ assemblyId, type: AssemblyEventType.Closed, data: {}, actorRole: Role.Moderator, createdAt: at('18:55:00') }),
      );
      await ds
        .getRepository(VotingRoundEntity)
        .update({ id: runningRoundId }, { status: VotingRoundStatus.Closed, closedAt: at('18:05:00') });
      await setAssembly({ status: AssemblyStatus.Closed });
    });

    it('gives everybody the final minutes of a public assembly, without the provisional banner', async () => {
      for (const client of [anonymous, citizen.client, otherModerator.client, moderator.client]) {
        const text = (await md(client).expect(200)).text;
        expect(text).not.toContain('VORLÄUFIG');
        expect(text).toContain('- **Geschlossen:** 20.11.2026, 19:55');
        expect(text).toContain('| 3 | Eva Online | 18:30 | 2:00 min |');
        expect(text).toContain('- **Status:** veröffentlicht');
        expect(text).toContain('| Ja | 3 | 20 | 23 |');
        if (client === moderator.client) {
          // Closed but never published: in the moderators' minutes only, marked as such.
          expect(text).toContain('- **Status:** geschlossen, nicht veröffentlicht');
          expect(text).toContain('| Ja | 9 | — | 9 |'); // closed now: its result, without a hall count
          expect(text).toContain('*Nicht veröffentlicht: Die Moderation hat dieses Ergebnis');
        } else {
          expect(text).not.toContain('nicht veröffentlicht');
          expect(text).not.toContain('Soll es ein Straßenfest geben?');
          expect(text).not.toContain('Welche Fläche soll zuerst begrünt werden?');
          expect(text).not.toContain('| Ja | 9 |');
          expect(text).not.toContain('Marktplatz');
          expect(text).not.toContain('### Abstimmung 2');
        }
        const file = (await pdf(client, 'en').expect(200)).body as Buffer;
        const { text: pdfText } = pdfTextOf(file);
        expect(pdfText).toContain(`Minutes: ${TITLE}`);
        expect(pdfText).not.toContain('PROVISIONAL');
      }
    });

    it('keeps the minutes of an unlisted assembly for its moderators', async () => {
      await setAssembly({ visibility: AssemblyVisibility.Unlisted });
      try {
        for (const client of [anonymous, citizen.client, otherModerator.client]) {
          const res = await md(client).expect(403);
          expectErrorShape(res.body, 403, 'FORBIDDEN');
          expect(res.body.message).toMatch(/unlisted/);
          await pdf(client).expect(403);
        }
        await md(moderator.client).expect(200);
        await pdf(moderator.client).expect(200);
        await md(admin).expect(200);
      } finally {
        await setAssembly({ visibility: AssemblyVisibility.Public });
      }
    });
  });

  describe('names in every script, tagged PDF, one glossary, who moderated', () => {
    const NAMES = ['Frau Yılmaz', 'Łukasz', 'Ștefan', 'Олена', 'أحمد'];
    const ARABIC_PROPOSAL = 'حديقة للأطفال في الحي';
    const KEPT_BACK = 'Zurückgehaltene Frage';
    let otherId: string;
    let nightShift: TestUser;

    beforeAll(async () => {
      // Created by an administrator without named moderators: the minutes name who ran it.
      nightShift = await t.createUser({ role: Role.Moderator, displayName: 'Nadia Nachtschicht' });
      const created = await admin
        .post('/api/assemblies', {
          title: 'Nachbarschaftsforum Hafen',
          place: 'Stadtteilzentrum Hafen',
          startsAt: at('17:00:00').toISOString(),
          endsAt: at('19:00:00').toISOString(),
          areaIds: [areaId],
          agenda: [{ title: 'Aussprache', type: AgendaItemType.Discussion }],
        })
        .expect(201);
      otherId = created.body.id;
      await ds.getRepository(Assembly).update({ id: otherId }, { status: AssemblyStatus.Live, visibility: AssemblyVisibility.Public });
      const participants = ds.getRepository(Participant);
      const people = await participants.save(
        NAMES.map((guestName) =>
          participants.create({ assemblyId: otherId, guestName, presence: Presence.Hall, joinedAt: at('17:01:00') }),
        ),
      );
      await ds.getRepository(LiveProposalEntity).save({
        assemblyId: otherId,
        participantId: people[4].id,
        text: ARABIC_PROPOSAL,
        status: LiveProposalStatus.Approved,
        supportCount: 2,
        createdAt: at('17:05:00'),
      });
      const speakers = ds.getRepository(SpeakerRequest);
      await speakers.save(
        people.map((p, i) =>
          speakers.create({
            assemblyId: otherId,
            participantId: p.id,
            position: i + 1,
            startedAt: at(`17:1${i}:00`),
            endedAt: at(`17:1${i}:45`),
            status: 'done' as SpeakerRequest['status'],
          }),
        ),
      );
      const rounds = ds.getRepository(VotingRoundEntity);
      const published = await rounds.save(
        rounds.create({
          assemblyId: otherId,
          question: 'Soll der Fonds das Straßenfest fördern?',
          type: VotingType.YesNoAbstain,
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'no', label: 'No' },
            { id: 'abstain', label: 'Abstain' },
          ],
          status: VotingRoundStatus.Published,
          openedAt: at('17:30:00'),
          closedAt: at('17:32:00'),
          publishedAt: at('17:33:00'),
        }),
      );
      const keptBack = await rounds.save(
        rounds.create({
          assemblyId: otherId,
          question: KEPT_BACK,
          type: VotingType.SingleChoice,
          options: [
            { id: 'o1', label: 'Variante Nord' },
            { id: 'o2', label: 'Variante Süd' },
          ],
          status: VotingRoundStatus.Closed,
          openedAt: at('17:40:00'),
          closedAt: at('17:42:00'),
        }),
      );
      await ds.getRepository(RoundTally).save([
        { roundId: published.id, optionId: 'yes', online: 4, hall: 0 },
        { roundId: published.id, optionId: 'no', online: 1, hall: 0 },
        { roundId: keptBack.id, optionId: 'o1', online: 3, hall: 0 },
      ]);
      // The steps as the live service records them: the acting moderator's account in each.
      const changes = t.app.get(LiveChanges);
      const actor = {
        assemblyId: otherId,
        user: await ds.getRepository(User).findOneByOrFail({ id: nightShift.id }),
        participant: null,
        isModerator: true,
      };
      await changes.record(ds.manager, actor, AssemblyEventType.Opened, {});
      await changes.record(ds.manager, actor, AssemblyEventType.Closed, {});
      await ds.getRepository(Assembly).update({ id: otherId }, { status: AssemblyStatus.Closed });
    });

    const download = (client: ApiClient, format: 'md' | 'pdf', lang = 'de') =>
      client
        .get(`/api/assemblies/${otherId}/minutes.${format}?lang=${lang}`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200)
        .then((res) => res.body as Buffer);

    it('prints every name as typed, in Markdown and in the PDF (embedded font subsets, text extracted)', async () => {
      const markdown = (await download(anonymous, 'md')).toString('utf8');
      const file = await download(anonymous, 'pdf');
      const { text } = pdfTextOf(file);
      for (const name of NAMES) {
        expect(markdown).toContain(`| ${name} |`);
        expect(text).toContain(name);
      }
      expect(markdown).toContain(ARABIC_PROPOSAL);
      expect(text).toContain(ARABIC_PROPOSAL);
      const fonts = pdfFontsOf(file);
      expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(
        expect.arrayContaining(['NotoSans-Bold', 'NotoSans-Regular', 'IBMPlexSansArabic-Regular']),
      );
      expect(fonts.every((f) => f.embedded && f.unicode)).toBe(true);
      expect(file.length).toBeLessThan(120_000); // subsets, not whole fonts
    });

    it.each([Language.Turkish, Language.Arabic])(
      'writes the minutes in %s with every name as typed (Markdown and tagged PDF)',
      async (lang) => {
        const words = MINUTES_TEXTS[lang];
        const markdown = (await download(anonymous, 'md', lang)).toString('utf8');
        expect(markdown.startsWith(`# ${words.documentTitle}: Nachbarschaftsforum Hafen`)).toBe(true);
        for (const heading of [words.overview, words.attendance, words.agenda, words.rounds, words.speakers])
          expect(markdown).toContain(`\n## ${heading}\n`);
        for (const name of NAMES) expect(markdown).toContain(`| ${name} |`);
        expect(markdown).toContain(ARABIC_PROPOSAL);
        // No German heading is left (the German source's words, not the glossary's).
        for (const german of ['Überblick', 'Anwesenheit', 'Tagesordnung', 'Abstimmungen', 'Redebeiträge'])
          expect(markdown).not.toContain(german);
        const file = await download(anonymous, 'pdf', lang);
        expect(file.toString('latin1')).toContain(`/Lang (${lang})`);
        const { text } = pdfTextOf(file);
        for (const name of NAMES) expect(text).toContain(name);
        if (lang === Language.Turkish) expect(text).toContain(words.overview);
      },
    );

    it('is a tagged PDF: language, title, headings, paragraphs and tables in the structure tree', async () => {
      const file = await download(anonymous, 'pdf');
      const info = pdfInfoOf(file);
      expect(info.Tagged).toBe('yes');
      expect(info.Title).toBe('Protokoll: Nachbarschaftsforum Hafen');
      expect(file.toString('latin1')).toMatch(/\/Lang \(de-DE\)/);
      expect(file.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
      const tree = pdfStructureOf(file);
      expect(tree).toMatch(/^Document/m);
      expect(tree).toMatch(/^ {2}H1 \(block\)\s*\n\s*"Protokoll: Nachbarschaftsforum Hafen"/m);
      for (const heading of ['Überblick', 'Anwesenheit', 'Tagesordnung', 'Eingegangene Vorschläge', 'Abstimmungen', 'Redebeiträge'])
        expect(tree).toMatch(new RegExp(`H2 \\(block\\)\\s*\\n\\s*"${heading}"`));
      for (const tag of ['Sect', 'P (block)', 'H3 (block)', 'Table (block)', 'Caption', 'TR', 'TH', 'TD']) expect(tree).toContain(tag);
      expect(tree).toContain('/Scope /Column');
      expect(tree).toContain('/Scope /Row');
      // Page numbers are artifacts, not content.
      expect(tree).not.toContain('Seite 1 von');
      expect(pdfTextOf(file).text).toContain('Seite 1 von');
    });

    it('speaks one German: glossary names, plural rules, no English; names who moderated', async () => {
      const markdown = (await download(anonymous, 'md')).toString('utf8');
      const { text } = pdfTextOf(await download(anonymous, 'pdf'));
      for (const doc of [markdown, text]) {
        expect(englishWordsIn(doc)).toEqual([]);
        expect(doc).toContain('1 Vorschlag eingegangen: 1 zugelassen');
        expect(doc).toContain('Ja · Nein · Enthaltung');
        expect(doc).toContain('Aussprache');
        expect(doc).not.toContain('Diskussion');
      }
      expect(markdown).toContain('- **Moderation:** Nadia Nachtschicht');
      expect(text).toContain('Nadia Nachtschicht');
      expect(markdown).toContain('| Ja | 4 | — | 4 |');
      const english = (await download(anonymous, 'md', 'en')).toString('utf8');
      expect(english).toContain('- **Moderators:** Nadia Nachtschicht');
      expect(english).toContain('| Yes | 4 | — | 4 |');
      expect(english).toContain('1 proposal received');
    });

    it('never shows a round the moderators kept back in the public minutes, in either format', async () => {
      for (const lang of ['de', 'en']) {
        expect((await download(anonymous, 'md', lang)).toString('utf8')).not.toContain(KEPT_BACK);
        const { text } = pdfTextOf(await download(citizen.client, 'pdf', lang));
        expect(text).not.toContain(KEPT_BACK);
        expect(text).not.toContain('Variante');
      }
      expect((await download(nightShift.client, 'md')).toString('utf8')).toContain(KEPT_BACK);
      expect(pdfTextOf(await download(nightShift.client, 'pdf')).text).toContain(KEPT_BACK);
    });
  });
});

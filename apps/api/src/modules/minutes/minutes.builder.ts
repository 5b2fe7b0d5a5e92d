import {
  AssemblyEventType,
  AssemblyStatus,
  GLOSSARY,
  intlLocale,
  Language,
  LANGUAGE_ENDONYMS,
  LiveProposalStatus,
  optionName,
  TRANSLATION_LANGUAGES,
  VotingRoundStatus,
  VOTING_MODEL,
  type VotingTypeDefinition,
} from '@app/shared';
import { readResult } from '@app/shared/voting/reading';
import { budgetBlocks, withMoney } from './minutes.budget';
import { tr, type MinutesTextKey } from './minutes.i18n';
import type { MinutesBlock, MinutesData, MinutesDocument, MinutesSection } from './minutes.model';

/** The minutes state times as people in the hall saw them on the clock. */
export const MINUTES_TIME_ZONE = 'Europe/Berlin';

const ASSEMBLY_STATUS: Record<AssemblyStatus, MinutesTextKey> = {
  [AssemblyStatus.Planned]: 'statusPlanned',
  [AssemblyStatus.Live]: 'statusLive',
  [AssemblyStatus.Closed]: 'statusClosed',
};

const ROUND_STATUS: Partial<Record<VotingRoundStatus, MinutesTextKey>> = {
  [VotingRoundStatus.Open]: 'roundStatusOpen',
  [VotingRoundStatus.Closed]: 'roundStatusClosed',
  [VotingRoundStatus.Published]: 'roundStatusPublished',
};

function formatter(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: MINUTES_TIME_ZONE, ...options });
}

export const formatDateTime = (lang: Language, d: Date) =>
  formatter(lang, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
const formatDate = (lang: Language, d: Date) => formatter(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
const formatTime = (lang: Language, d: Date) => formatter(lang, { hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
const formatNumber = (lang: Language, n: number) => new Intl.NumberFormat(intlLocale(lang)).format(n);

/** The calendar date in Berlin as YYYY-MM-DD (for the file name). */
function isoDate(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: MINUTES_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    d,
  );
  return parts; // en-CA formats as 2026-11-25
}

function formatDuration(lang: Language, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')} ${tr(lang, 'minutesShort')}`;
}

/** ASCII slug for file names: umlauts transliterated, everything else reduced to dashes. */
export function slugify(text: string): string {
  const slug = text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'versammlung';
}

/** A string field of an event's data (the log is written by other modules; read it defensively). */
function str(data: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

/** An ISO time in an event's data (the live service records the exact start and end of a turn). */
function time(data: Record<string, unknown>, key: string): Date | null {
  const value = data[key];
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

interface SpeakerTurn {
  name: string;
  startedAt: Date;
  endedAt: Date | null;
}

/**
 * Speakers in the order they had the floor: from speaker.started / speaker.stopped events (a
 * request may get the floor more than once), completed by the requests' own start and end times
 * for turns the log does not describe.
 */
function speakerTurns(data: MinutesData): SpeakerTurn[] {
  const byId = new Map(data.speakerRequests.map((r) => [r.id, r]));
  const byParticipant = new Map(data.speakerRequests.map((r) => [r.participantId, r]));
  const turns: Array<SpeakerTurn & { key: string }> = [];
  const covered = new Set<string>();
  for (const event of data.events) {
    if (event.type !== AssemblyEventType.SpeakerStarted && event.type !== AssemblyEventType.SpeakerStopped) continue;
    const requestId = str(event.data, 'requestId', 'speakerRequestId', 'speakerId', 'id');
    const participantId = str(event.data, 'participantId');
    const request = (requestId && byId.get(requestId)) || (participantId && byParticipant.get(participantId)) || null;
    const key = request?.id ?? requestId ?? participantId;
    if (!key) continue;
    if (event.type === AssemblyEventType.SpeakerStarted) {
      const name = request?.name ?? str(event.data, 'displayName', 'name') ?? '—';
      turns.push({ key, name, startedAt: time(event.data, 'startedAt') ?? event.createdAt, endedAt: null });
      covered.add(key);
    } else {
      const open = [...turns].reverse().find((t) => t.key === key && t.endedAt === null);
      if (open) open.endedAt = time(event.data, 'endedAt') ?? event.createdAt;
    }
  }
  for (const request of data.speakerRequests) {
    if (covered.has(request.id) || !request.startedAt) continue;
    turns.push({ key: request.id, name: request.name, startedAt: request.startedAt, endedAt: request.endedAt });
  }
  // A turn the log left open but whose request has ended since: take the request's end.
  for (const turn of turns) {
    if (turn.endedAt === null) turn.endedAt = byId.get(turn.key)?.endedAt ?? null;
  }
  return turns.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

/** The first time each agenda item was called up (item.started events). */
function itemStarts(data: MinutesData): Map<string, Date> {
  const starts = new Map<string, Date>();
  for (const event of data.events) {
    if (event.type !== AssemblyEventType.ItemStarted) continue;
    const itemId = str(event.data, 'itemId', 'agendaItemId', 'currentItemId', 'id');
    if (itemId && !starts.has(itemId)) starts.set(itemId, event.createdAt);
  }
  return starts;
}

function firstEvent(data: MinutesData, type: AssemblyEventType, last = false): Date | null {
  const matches = data.events.filter((e) => e.type === type);
  const event = last ? matches[matches.length - 1] : matches[0];
  return event ? event.createdAt : null;
}

function roundTypeLabel(lang: Language, round: MinutesData['rounds'][number]): string {
  const definition = VOTING_MODEL[round.type] as VotingTypeDefinition | undefined;
  if (!definition) return String(round.type);
  const label = definition.texts.minutes(round);
  return tr(lang, label.key as MinutesTextKey, withMoney(lang, label.values));
}

/**
 * The minutes as a document model: a pure function of the loaded data, the language and the
 * moment of generation. Never names who voted what: the data holds sums and counts only.
 */
export function buildMinutes(data: MinutesData, lang: Language, now: Date): MinutesDocument {
  const t = (key: MinutesTextKey, values?: Record<string, string | number>) => tr(lang, key, values);
  const n = (value: number) => formatNumber(lang, value);
  const { assembly } = data;
  const closed = assembly.status === AssemblyStatus.Closed;
  const agendaNo = new Map(data.agenda.map((item) => [item.id, String(item.position)]));

  // Overview
  const openedAt = firstEvent(data, AssemblyEventType.Opened);
  const closedAt = closed ? firstEvent(data, AssemblyEventType.Closed, true) : null;
  const overview: MinutesSection = {
    id: 'overview',
    heading: t('overview'),
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: t('title'), value: assembly.title },
          { label: t('date'), value: formatDate(lang, assembly.startsAt) },
          { label: t('scheduled'), value: `${formatDateTime(lang, assembly.startsAt)} – ${formatTime(lang, assembly.endsAt)}` },
          { label: t('opened'), value: openedAt ? formatDateTime(lang, openedAt) : t('notYet') },
          { label: t('closed'), value: closedAt ? formatDateTime(lang, closedAt) : closed ? t('none') : t('notYet') },
          { label: t('place'), value: assembly.place },
          { label: t('areas'), value: data.areas.length ? data.areas.join(', ') : t('none') },
          { label: t('moderators'), value: data.moderators.length ? data.moderators.join(', ') : t('none') },
          { label: t('status'), value: t(ASSEMBLY_STATUS[assembly.status] ?? 'none') },
        ],
      },
      { kind: 'paragraph', text: t('timeZoneNote') },
    ],
  };

  // Attendance
  const attendance: MinutesSection = {
    id: 'attendance',
    heading: t('attendance'),
    blocks: [
      {
        kind: 'fields',
        rows: [
          { label: t('attendanceHall'), value: n(data.attendance.hall) },
          { label: t('attendanceOnline'), value: n(data.attendance.online) },
          { label: t('attendanceCheckedIn'), value: n(data.attendance.checkedIn) },
          { label: t('attendanceTotal'), value: n(data.attendance.total) },
        ],
      },
    ],
  };

  // Agenda
  const starts = itemStarts(data);
  const agendaItems = [...data.agenda].sort((a, b) => a.position - b.position);
  const agenda: MinutesSection = {
    id: 'agenda',
    heading: t('agenda'),
    blocks: agendaItems.length
      ? [
          {
            kind: 'table',
            headers: [t('agendaNo'), t('agendaItem'), t('agendaType'), t('agendaStarted')],
            numeric: [true, false, false, false],
            rows: agendaItems.map((item) => {
              const started = starts.get(item.id);
              return [
                String(item.position),
                item.title,
                GLOSSARY[lang].agendaItemType[item.type] ?? t('none'),
                started ? formatTime(lang, started) : t('agendaNotStarted'),
              ];
            }),
          },
        ]
      : [{ kind: 'paragraph', text: t('agendaEmpty') }],
  };

  // Proposals: approved ones in full; pending and rejected as counts only.
  const approved = data.proposals
    .filter((p) => p.status === LiveProposalStatus.Approved)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const pending = data.proposals.filter((p) => p.status === LiveProposalStatus.Pending).length;
  const rejected = data.proposals.filter((p) => p.status === LiveProposalStatus.Rejected).length;
  const proposalBlocks: MinutesBlock[] = [
    {
      kind: 'paragraph',
      text: t('proposalsSummary', {
        total: n(data.proposals.length),
        approved: n(approved.length),
        pending: n(pending),
        rejected: n(rejected),
      }),
    },
  ];
  if (approved.length) {
    proposalBlocks.push({
      kind: 'table',
      headers: [t('proposalNo'), t('proposalText'), t('proposalAuthor'), t('proposalItem'), t('proposalSupport')],
      numeric: [true, false, false, true, true],
      rows: approved.map((p, i) => [
        String(i + 1),
        p.text,
        p.author ?? (p.sourceNote ? t('onBehalf', { source: p.sourceNote }) : t('onBehalfNoSource')),
        (p.agendaItemId && agendaNo.get(p.agendaItemId)) || t('none'),
        n(p.supportCount),
      ]),
    });
  } else {
    proposalBlocks.push({ kind: 'paragraph', text: t('proposalsNone') });
  }
  if (rejected) proposalBlocks.push({ kind: 'paragraph', text: t('proposalsRejectedNote') });
  const proposals: MinutesSection = { id: 'proposals', heading: t('proposals'), blocks: proposalBlocks };

  // Voting rounds: every round that was opened, in the order they were opened.
  const held = data.rounds
    .filter((r) => r.status !== VotingRoundStatus.Draft)
    .sort((a, b) => (a.openedAt ?? a.createdAt).getTime() - (b.openedAt ?? b.createdAt).getTime() || a.id.localeCompare(b.id));
  const roundBlocks: MinutesBlock[] = held.length
    ? [{ kind: 'paragraph', text: t('namesNote') }]
    : [{ kind: 'paragraph', text: t('roundsNone') }];
  held.forEach((round, i) => {
    roundBlocks.push({ kind: 'subheading', text: t('round', { n: i + 1 }) });
    const hallEntered = round.hallBallots !== null || round.tallies.some((x) => x.hall > 0);
    const fields = [
      { label: t('question'), value: round.question },
      { label: t('roundType'), value: roundTypeLabel(lang, round) },
      { label: t('ballot'), value: (round.secret ? t('secret') : t('open')) + (round.requireCheckIn ? `, ${t('checkInOnly')}` : '') },
      { label: t('options'), value: round.options.map((o) => optionName(lang, round, o)).join(' · ') || t('none') },
    ];
    // The moderator's translations, one short line each after the typed original (languages in the platform's order).
    for (const language of TRANSLATION_LANGUAGES) {
      const translation = round.translations[language];
      if (!translation) continue;
      fields.push({
        label: t('translationBy', { language: LANGUAGE_ENDONYMS[language] }),
        value: [translation.question, translation.options.join(' · ')].filter(Boolean).join(' — '),
      });
    }
    if (round.agendaItemId && agendaNo.has(round.agendaItemId))
      fields.push({ label: t('proposalItem'), value: agendaNo.get(round.agendaItemId)! });
    fields.push({ label: t('roundStatus'), value: t(ROUND_STATUS[round.status] ?? 'none') });
    if (round.openedAt) fields.push({ label: t('roundOpenedAt'), value: formatTime(lang, round.openedAt) });
    if (round.closedAt) fields.push({ label: t('roundClosedAt'), value: formatTime(lang, round.closedAt) });
    fields.push({ label: t('ballotsApp'), value: n(round.ballots) });
    fields.push({ label: t('hallBallots'), value: round.hallBallots !== null ? n(round.hallBallots) : t('hallNone') });
    if (round.hallNote) fields.push({ label: t('hallNote'), value: round.hallNote });
    roundBlocks.push({ kind: 'fields', rows: fields });

    if (round.status === VotingRoundStatus.Open) {
      roundBlocks.push({ kind: 'paragraph', text: t('resultPending'), emphasis: true });
      return;
    }
    // Only the moderators' minutes hold a closed round that was never published (see MinutesService).
    if (round.status === VotingRoundStatus.Closed) roundBlocks.push({ kind: 'paragraph', text: t('resultUnpublished'), emphasis: true });
    const reading = readResult(round, round.tallies);
    const rows = reading.options.map((o) => [
      optionName(lang, round, { id: o.optionId, label: o.label }),
      n(o.online),
      hallEntered ? n(o.hall) : t('none'),
      n(o.total),
    ]);
    roundBlocks.push({
      kind: 'table',
      caption: `${t('result')} – ${t(reading.unit === 'points' ? 'votesArePoints' : 'votesAreVotes')} ${t('hall')}: ${t('hallCount')}.`,
      headers: [t('option'), t('online'), t('hall'), t('total')],
      numeric: [false, true, true, true],
      rows,
    });
    if (reading.budget) roundBlocks.push(...budgetBlocks(lang, round, hallEntered));
    if (round.secret) roundBlocks.push({ kind: 'paragraph', text: t('secretNote') });
  });
  const rounds: MinutesSection = { id: 'rounds', heading: t('rounds'), blocks: roundBlocks };

  // Speakers
  const turns = speakerTurns(data);
  const speakers: MinutesSection = {
    id: 'speakers',
    heading: t('speakers'),
    blocks: turns.length
      ? [
          {
            kind: 'table',
            headers: [t('speakerNo'), t('speakerName'), t('speakerStart'), t('speakerDuration')],
            numeric: [true, false, false, true],
            rows: turns.map((turn, i) => [
              String(i + 1),
              turn.name,
              formatTime(lang, turn.startedAt),
              turn.endedAt ? formatDuration(lang, turn.endedAt.getTime() - turn.startedAt.getTime()) : t('speakingNow'),
            ]),
          },
        ]
      : [{ kind: 'paragraph', text: t('speakersNone') }],
  };

  return {
    lang,
    title: `${t('documentTitle')}: ${assembly.title}`,
    provisional: closed ? null : { label: t('provisional'), note: t('provisionalNote') },
    generatedAt: `${t('generatedAt')} ${formatDateTime(lang, now)}`,
    pageLabel: t('page'),
    sections: [overview, attendance, agenda, proposals, rounds, speakers],
    fileBase: `${t('fileName')}-${isoDate(assembly.startsAt)}-${slugify(assembly.title)}`,
  };
}

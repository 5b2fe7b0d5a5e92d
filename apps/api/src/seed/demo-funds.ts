import type { EntityManager } from 'typeorm';
import { AreaType, Role } from '@app/shared';
import {
  APPLICATION_STATE_INFO,
  ApplicationSource,
  ApplicationState,
  ApplicationTransitionId,
  FundDecisionMode,
  type ApplicationCostItem,
} from '@app/shared/funds';
import { Area } from '../modules/areas/area.entity';
import { FieldOfAction } from '../modules/fields-of-action/field-of-action.entity';
import { Fund, FundApplication, FundApplicationEvent } from '../modules/funds/fund.entities';
import { fundingSourceOf } from '../modules/funds/application-project.service';
import { Project } from '../modules/projects/project.entities';
import { User } from '../modules/users/user.entity';
import { areaCode, DEMO_AREAS } from './demo-data';
import {
  DECIDED_THIS_YEAR,
  DEMO_FUND_AMOUNT_CENTS,
  DEMO_FUND_APPLICATIONS,
  DEMO_FUND_MAX_CENTS,
  DEMO_FUND_NOTE,
  LAST_YEAR_AREA,
  type DemoFundApplication,
  type DemoFundStage,
} from './demo-funds-data';
import { demoResidentEmail } from './demo-proposals';

const DAY_MS = 24 * 60 * 60 * 1000;
const S = ApplicationState;
const T = ApplicationTransitionId;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The dates of a fund: its application period and its project conference. */
interface FundCalendar {
  year: number;
  stage: DemoFundStage;
  start: Date;
  end: Date;
  conference: Date;
}

function calendar(stage: DemoFundStage, now: Date): FundCalendar {
  const year = now.getUTCFullYear();
  const rel = (days: number) => new Date(Date.UTC(year, now.getUTCMonth(), now.getUTCDate() + days, 9));
  if (stage === 'last_year')
    return {
      year: year - 1,
      stage,
      start: new Date(Date.UTC(year - 1, 0, 15, 9)),
      end: new Date(Date.UTC(year - 1, 2, 31, 9)),
      conference: new Date(Date.UTC(year - 1, 3, 24, 18)),
    };
  if (stage === 'decided') return { year, stage, start: rel(-150), end: rel(-80), conference: new Date(rel(-60).getTime() + 9 * 3600_000) };
  return { year, stage, start: rel(-40), end: rel(35), conference: rel(55) };
}

/** The current Aktionsräume of the demo (validity includes today). */
function currentActionAreas(now: Date): string[] {
  const today = day(now);
  return DEMO_AREAS.filter((a) => a.type === AreaType.ActionArea && a.validFrom <= today && (a.validTo === null || a.validTo >= today)).map(
    (a) => a.name,
  );
}

interface Step {
  kind: ApplicationTransitionId | 'created';
  to: ApplicationState;
  at: Date;
  actor: Role | 'applicant';
  reason?: string | null;
  data?: Record<string, unknown>;
}

/** The steps that lead to the demo's state, dated along the fund's calendar (every one before now). */
function steps(demo: DemoFundApplication, index: number, cal: FundCalendar, amounts: Amounts, now: Date): Step[] {
  const at = (base: Date, days: number, hour = 10) =>
    new Date(Math.min(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + days, hour), now.getTime() - DAY_MS));
  const created = at(cal.start, 2 + 3 * index);
  const submitted = at(created, 1);
  const checked = at(submitted, 7);
  const agenda = cal.stage === 'open' ? at(checked, 5) : at(cal.conference, -14);
  const decided = cal.conference;
  const paid = at(decided, 21);
  const runEnd = at(decided, demo.runs?.[1] ?? 30);
  const proof = at(runEnd, 10);
  const closed = at(proof, 7);
  const decisionDate = day(decided);
  // A paper application is entered and moved on the person's behalf by the area's moderation (as the API records it).
  const own: Step['actor'] = demo.paper ? Role.Moderator : 'applicant';
  const paper = demo.paper ? { source: ApplicationSource.Paper, sourceNote: demo.paper } : undefined;
  const path: Step[] = [{ kind: 'created', to: S.Draft, at: created, actor: own, data: paper }];
  const push = (kind: ApplicationTransitionId, to: ApplicationState, when: Date, actor: Step['actor'], extra: Partial<Step> = {}) =>
    path.push({ kind, to, at: when, actor, ...extra });
  const until = demo.state === S.Withdrawn ? demo.withdrawnFrom! : demo.state;
  const order = [S.Submitted, S.Checked, S.OnAgenda, S.Approved, S.Paid, S.ProofSubmitted, S.Closed];
  const reach = (state: ApplicationState) => order.indexOf(until) >= order.indexOf(state);
  if (until !== S.Draft) push(T.Submit, S.Submitted, submitted, own);
  if (until === S.Returned) push(T.Return, S.Returned, checked, Role.Administrator, { reason: demo.reason });
  if (until === S.Rejected || reach(S.Checked)) push(T.Check, S.Checked, checked, Role.Administrator);
  if (until === S.Rejected || reach(S.OnAgenda)) push(T.PutOnAgenda, S.OnAgenda, agenda, Role.Moderator);
  if (until === S.Rejected) push(T.Reject, S.Rejected, decided, Role.Moderator, { reason: demo.reason, data: { decisionDate } });
  if (reach(S.Approved)) {
    const lower = amounts.approved < amounts.requested;
    push(T.Approve, S.Approved, decided, Role.Moderator, {
      reason: lower ? demo.reason : null,
      data: { approvedAmountCents: amounts.approved, requestedAmountCents: amounts.requested, decisionDate },
    });
  }
  if (reach(S.Paid)) push(T.Pay, S.Paid, paid, Role.Administrator, { data: { paidAmountCents: amounts.approved, paidOn: day(paid) } });
  if (reach(S.ProofSubmitted)) push(T.SubmitProof, S.ProofSubmitted, proof, own, { data: { spentAmountCents: amounts.spent } });
  if (reach(S.Closed))
    push(T.Close, S.Closed, closed, Role.Administrator, {
      data: { spentAmountCents: amounts.spent, returnedAmountCents: amounts.approved - amounts.spent! },
    });
  if (demo.state === S.Withdrawn) {
    const last = path[path.length - 1].at;
    const released = demo.withdrawnFrom === S.Approved ? { releasedAmountCents: amounts.approved } : undefined;
    push(T.Withdraw, S.Withdrawn, at(last, 5), own, { reason: demo.reason, data: released });
  }
  return path;
}

interface Amounts {
  requested: number;
  approved: number;
  spent: number | null;
}

/** Spent by cost item: the items in order, the last one cut to what was spent. */
function spentItems(items: ApplicationCostItem[], spent: number): ApplicationCostItem[] {
  let rest = spent;
  return items.map((item) => {
    const amountCents = Math.min(item.amountCents, rest);
    rest -= amountCents;
    return { label: item.label, amountCents };
  });
}

/**
 * Adds the demo funds that are missing (by area and year) with their applications, each moved along its
 * path step by step with a dated public timeline; last year's Hafen fund is decided and published, and its
 * first application links to the demo project it became. Returns how many records were added.
 */
export async function seedDemoFunds(m: EntityManager, now: Date = new Date()): Promise<number> {
  const fields = new Map((await m.find(FieldOfAction)).map((f) => [f.code, f.id]));
  const area = async (name: string) => m.findOneBy(Area, { code: areaCode(AreaType.ActionArea, name) });
  const funds: Array<{ area: string; lastYear: boolean }> = [
    { area: LAST_YEAR_AREA, lastYear: true },
    ...currentActionAreas(now).map((name) => ({ area: name, lastYear: false })),
  ];
  let added = 0;
  for (const f of funds) {
    const a = await area(f.area);
    if (!a) continue;
    const stage: DemoFundStage = f.lastYear ? 'last_year' : DECIDED_THIS_YEAR.includes(f.area) ? 'decided' : 'open';
    const cal = calendar(stage, now);
    if (await m.existsBy(Fund, { areaId: a.id, year: cal.year })) continue;
    const fund = await m.save(
      m.create(Fund, {
        areaId: a.id,
        year: cal.year,
        amountCents: DEMO_FUND_AMOUNT_CENTS,
        maxPerApplicationCents: DEMO_FUND_MAX_CENTS,
        applicationStart: day(cal.start),
        applicationEnd: day(cal.end),
        conferenceDate: day(cal.conference),
        description: DEMO_FUND_NOTE,
        ...(stage === 'open'
          ? {}
          : {
              decisionMode: FundDecisionMode.Conference,
              decisionDate: day(cal.conference),
              decidedAt: new Date(cal.conference.getTime() + 2 * 3600_000),
              decisionNote: `Projektkonferenz ${a.name}: Die Anwesenden haben über die Anträge abgestimmt; das Ergebnis ist hier veröffentlicht. (Demodaten)`,
            }),
        createdAt: new Date(cal.start.getTime() - 14 * DAY_MS),
        updatedAt: stage === 'open' ? cal.start : cal.conference,
      }),
    );
    added++;
    const demos = DEMO_FUND_APPLICATIONS.filter((d) => d.area === f.area && Boolean(d.lastYear) === f.lastYear);
    const sums = { approved: 0, paid: 0, returned: 0 };
    for (const [index, demo] of demos.entries()) {
      const costItems = demo.costs.map(([label, euros]) => ({ label, amountCents: euros * 100 }));
      const requested = costItems.reduce((sum, item) => sum + item.amountCents, 0);
      const amounts: Amounts = { requested, approved: demo.approvedCents ?? requested, spent: demo.spentCents ?? null };
      const path = steps(demo, index, cal, amounts, now);
      const reached = (kind: ApplicationTransitionId) => path.some((s) => s.kind === kind);
      const at = (kind: ApplicationTransitionId) => path.find((s) => s.kind === kind)?.at ?? null;
      const applicant = demo.by ? await m.findOneBy(User, { email: demoResidentEmail(demo.by) }) : null;
      const application = await m.save(
        m.create(FundApplication, {
          fundId: fund.id,
          applicantId: applicant?.id ?? null,
          source: demo.paper ? ApplicationSource.Paper : ApplicationSource.Online,
          sourceNote: demo.paper ?? null,
          state: demo.state,
          version: path.length,
          title: demo.title,
          purpose: demo.purpose,
          fieldOfActionId: fields.get(demo.field) ?? null,
          neighbourhoodId: null,
          costItems,
          requestedAmountCents: requested,
          approvedAmountCents: reached(T.Approve) ? amounts.approved : null,
          paidAmountCents: reached(T.Pay) ? amounts.approved : null,
          spentAmountCents: reached(T.SubmitProof) ? amounts.spent : null,
          returnedAmountCents: reached(T.Close) ? amounts.approved - amounts.spent! : null,
          spentItems: reached(T.SubmitProof) ? spentItems(costItems, amounts.spent!) : null,
          proofReport: reached(T.SubmitProof) ? (demo.report ?? null) : null,
          proofSubmittedAt: at(T.SubmitProof),
          startDate: demo.runs ? day(new Date(cal.conference.getTime() + demo.runs[0] * DAY_MS)) : null,
          endDate: demo.runs ? day(new Date(cal.conference.getTime() + demo.runs[1] * DAY_MS)) : null,
          applicantKind: demo.kind,
          applicantName: demo.applicant,
          contactName: demo.contact.name,
          contactEmail: demo.paper ? null : `antrag-${index + 1}-${a.code}@demo.invalid`,
          contactPhone: demo.contact.phone,
          contactAddress: demo.contact.address,
          submittedAt: at(T.Submit),
          createdById: applicant?.id ?? null,
          createdAt: path[0].at,
          updatedAt: path[path.length - 1].at,
        }),
      );
      for (const [i, step] of path.entries()) {
        await m.save(
          m.create(FundApplicationEvent, {
            applicationId: application.id,
            version: i + 1,
            kind: step.kind,
            fromState: i === 0 ? null : path[i - 1].to,
            toState: step.to,
            actorRole: step.actor,
            actorId: step.actor === 'applicant' ? (applicant?.id ?? null) : null,
            reason: step.reason ?? null,
            data: step.data ?? null,
            createdAt: step.at,
          }),
        );
      }
      added++;
      if (APPLICATION_STATE_INFO[demo.state].commitsMoney) sums.approved += amounts.approved;
      if (application.paidAmountCents !== null && demo.state !== S.Withdrawn) sums.paid += application.paidAmountCents;
      sums.returned += application.returnedAmountCents ?? 0;
      if (demo.project) await linkProject(m, application, demo.project, fundingSourceOf(a.name, cal.year));
    }
    await m.update(Fund, { id: fund.id }, { approvedCents: sums.approved, paidCents: sums.paid, returnedCents: sums.returned });
  }
  return added;
}

/** The demo project that began as this application: the link and the 'project_created' step, on the project's creation day. */
async function linkProject(m: EntityManager, application: FundApplication, title: string, fundingSource: string): Promise<void> {
  const project = await m.findOneBy(Project, { title });
  if (!project) return;
  const version = application.version + 1;
  await m.update(FundApplication, { id: application.id }, { projectId: project.id, version });
  await m.save(
    m.create(FundApplicationEvent, {
      applicationId: application.id,
      version,
      kind: 'project_created',
      fromState: application.state,
      toState: application.state,
      actorRole: Role.Administrator,
      actorId: null,
      reason: null,
      data: { projectId: project.id, projectTitle: project.title, fundingSource },
      createdAt: project.createdAt,
    }),
  );
}

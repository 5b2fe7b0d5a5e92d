import { calendarDate } from '@app/shared';
import type { ApplicationDetail, FundDetail } from '@app/shared/funds';
import type { ApiClient } from './client';
import type { TestApp } from './app';

/** Factories for the Aktionsraumfonds specs: funds, applications, and moving an application along. */

export const REASON = 'Die Projektkonferenz hat so entschieden, weil das Geld begrenzt ist.';
export const REPORT = 'Das Fest fand statt, 120 Nachbarinnen und Nachbarn kamen; Belege anbei.';

/** A calendar day relative to today (Europe/Berlin). */
export const day = (offsetDays: number): string => calendarDate(new Date(Date.now() + offsetDays * 86_400_000));

export interface AreaRefs {
  /** Aktionsräume by name. */
  actionAreas: Array<{ id: string; name: string }>;
  /** A Quartier inside the first Aktionsraum that has one. */
  neighbourhood: { id: string; parentId: string };
  /** A Stadtbezirk (not an Aktionsraum). */
  districtId: string;
  fieldId: string;
}

export async function areaRefs(t: TestApp): Promise<AreaRefs> {
  const c = await t.client();
  const actionAreas = (await c.get('/api/areas?type=action_area').expect(200)).body as Array<{ id: string; name: string }>;
  const neighbourhoods = (await c.get('/api/areas?type=neighbourhood').expect(200)).body as Array<{ id: string; parentId: string }>;
  const districts = (await c.get('/api/areas?type=district').expect(200)).body as Array<{ id: string }>;
  const fields = (await c.get('/api/fields-of-action').expect(200)).body as Array<{ id: string }>;
  return { actionAreas, neighbourhood: neighbourhoods[0], districtId: districts[0].id, fieldId: fields[0].id };
}

let nextYear = 2030;

/** Opens a fund (a new year each time, so one Aktionsraum can have many); open today unless told otherwise. */
export async function openFund(admin: ApiClient, areaId: string, over: Record<string, unknown> = {}): Promise<FundDetail> {
  const res = await admin
    .post('/api/funds', {
      areaId,
      year: nextYear++,
      amountCents: 500_000,
      maxPerApplicationCents: 150_000,
      applicationStart: day(-10),
      applicationEnd: day(10),
      conferenceDate: day(20),
      description: 'Geld für Nachbarschaftsprojekte.',
      ...over,
    })
    .expect(201);
  return res.body as FundDetail;
}

export function applicationBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Nachbarschaftsfest am Platz',
    purpose: 'Ein Fest für alle Nachbarinnen und Nachbarn, mit Musik und Essen aus vielen Ländern.',
    costItems: [
      { label: 'Miete Festzelt', amountCents: 60_000 },
      { label: 'Musik', amountCents: 40_000 },
    ],
    requestedAmountCents: 100_000,
    startDate: day(30),
    endDate: day(31),
    applicantKind: 'group',
    applicantName: 'Initiative Platzfest',
    contact: { name: 'Ayşe Beispiel', email: 'ayse@example.org', phone: '0231 123456', address: 'Platzstraße 1, 44137 Dortmund' },
    ...over,
  };
}

export async function apply(client: ApiClient, fundId: string, over: Record<string, unknown> = {}): Promise<ApplicationDetail> {
  return (await client.post(`/api/funds/${fundId}/applications`, applicationBody(over)).expect(201)).body as ApplicationDetail;
}

export const move = (client: ApiClient, id: string, transition: string, input: Record<string, unknown> = {}) =>
  client.post(`/api/applications/${id}/transitions/${transition}`, input);

/** Submits (as the applicant), checks and puts on the agenda (as the administrator). */
export async function toAgenda(applicant: ApiClient, admin: ApiClient, id: string): Promise<void> {
  await move(applicant, id, 'submit').expect(200);
  await move(admin, id, 'check').expect(200);
  await move(admin, id, 'put_on_agenda').expect(200);
}

export async function fundBalance(client: ApiClient, fundId: string): Promise<FundDetail['balance']> {
  return ((await client.get(`/api/funds/${fundId}`).expect(200)).body as FundDetail).balance;
}

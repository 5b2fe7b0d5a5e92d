import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '@app/shared';
import type { ApiClient } from './helpers/client';
import { ADMIN, startTestApp, uniqueEmail, type TestApp, type TestUser } from './helpers/app';
import {
  bodySchema,
  documentedOperations,
  fetchOpenApi,
  fillPath,
  resolveSchema,
  type DocumentedOperation,
  type HttpMethod,
  type OpenApiDocument,
  type SchemaObject,
} from './helpers/routes';

/**
 * Sends malformed bodies to every route that takes a JSON body (as the OpenAPI document lists
 * them, fields and all) and checks that the API answers like a careful clerk: never a 5xx,
 * always the one error body, a 400 with field details for bad input, and no silent damage
 * (a null stored where the document promises a value, text that comes back different).
 *
 * Every route gets a valid "base" body; each case changes one thing about it. Credentials in
 * base bodies are deliberately wrong, so nothing here signs anybody out or deletes an account.
 */

let counter = 0;
const next = () => (++counter).toString(36).toUpperCase();
const token = () => randomBytes(32).toString('base64url');
const WRONG_PASSWORD = 'not-the-password-123';

/** Records the base bodies refer to; set in beforeAll, read only when a body is built. */
const refs = {
  actionAreaId: '',
  fieldId: '',
  reportTargetId: '',
  mergeIntoId: '',
  assemblyId: '',
  linkProposalId: '',
  indicatorId: '',
  targetId: '',
  /** Every Aktionsraum: a fund per area and year, so each fund opened here takes the next free pair. */
  actionAreaIds: [] as string[],
};
let fundsOpened = 0;
const fundBody = () => {
  const n = fundsOpened++;
  return {
    areaId: refs.actionAreaIds[n % refs.actionAreaIds.length],
    year: 2100 - Math.floor(n / refs.actionAreaIds.length),
    amountCents: 500000,
    maxPerApplicationCents: 150000,
    applicationStart: '2000-01-01',
    applicationEnd: '2100-12-31',
    conferenceDate: null,
    description: 'Ein Fonds aus dem Fuzz-Test.',
  };
};
const proposal = () => ({
  title: `Fuzz-Vorschlag ${next()}`,
  body: 'Ein Vorschlag aus dem Fuzz-Test, lang genug für die Prüfung.',
  fieldOfActionId: refs.fieldId,
  areaId: refs.actionAreaId,
});

/** A valid body for each route (the fields that vary per call are made fresh each time). */
const BASE_BODIES: Record<string, () => Record<string, unknown>> = {
  'POST /api/auth/register': () => ({
    email: uniqueEmail('fuzz'),
    password: 'fuzz-password-123',
    displayName: 'Fuzz Person',
    language: 'de',
    returnTo: '/join/FUZZ01',
  }),
  'POST /api/auth/verify-email': () => ({ token: token() }),
  'POST /api/auth/resend-verification': () => ({ email: uniqueEmail('fuzz') }),
  'POST /api/auth/login': () => ({ email: uniqueEmail('nobody'), password: WRONG_PASSWORD }),
  'POST /api/auth/password-reset/request': () => ({ email: uniqueEmail('fuzz') }),
  'POST /api/auth/password-reset/confirm': () => ({ token: token(), password: 'fuzz-password-123' }),
  'PATCH /api/me': () => ({}),
  'DELETE /api/me': () => ({ password: WRONG_PASSWORD }),
  'POST /api/me/email': () => ({ newEmail: uniqueEmail('fuzz'), currentPassword: WRONG_PASSWORD }),
  'POST /api/me/password': () => ({ currentPassword: WRONG_PASSWORD, newPassword: 'fuzz-password-123' }),
  'PATCH /api/admin/users/{id}': () => ({}),
  'POST /api/areas': () => ({ type: 'district', code: `fz-${next().toLowerCase()}`, name: 'Fuzz Bezirk', validFrom: '2024-01-01' }),
  'PATCH /api/areas/{id}': () => ({}),
  'POST /api/fields-of-action': () => ({
    code: `FZ${next()}`,
    name: { de: 'Fuzz Feld', en: 'Fuzz field' },
    description: { de: 'Beschreibung', en: 'Description' },
  }),
  'PATCH /api/fields-of-action/{id}': () => ({}),
  'PUT /api/languages/{language}/review': () => ({ reviewed: true }),
  'POST /api/proposals/{id}/translations': () => ({ language: 'en' }),
  'POST /api/comments/{id}/translations': () => ({ language: 'en' }),
  'POST /api/proposals': () => proposal(),
  'POST /api/proposals/on-behalf': () => ({ ...proposal(), sourceNote: 'Karte aus der Fuzz-Versammlung' }),
  'PATCH /api/proposals/{id}': () => ({}),
  'POST /api/proposals/{id}/withdraw': () => ({ reason: 'Hat sich erledigt.' }),
  'POST /api/proposals/{id}/comments': () => ({ body: 'Ein Kommentar aus dem Fuzz-Test.', language: 'tr' }),
  'PATCH /api/comments/{id}': () => ({ body: 'Ein geänderter Kommentar aus dem Fuzz-Test.' }),
  'POST /api/reports': () => ({ targetType: 'proposal', targetId: refs.reportTargetId, reason: 'Fuzz-Meldung zur Prüfung' }),
  'POST /api/moderation/proposals/{id}/hide': () => ({ reason: 'Fuzz-Entscheidung' }),
  'POST /api/moderation/proposals/{id}/restore': () => ({ reason: 'Fuzz-Entscheidung' }),
  'POST /api/moderation/comments/{id}/hide': () => ({ reason: 'Fuzz-Entscheidung' }),
  'POST /api/moderation/comments/{id}/restore': () => ({ reason: 'Fuzz-Entscheidung' }),
  'POST /api/proposals/{id}/answer': () => ({ status: 'evaluating', explanation: 'Die Verwaltung prüft den Fuzz-Vorschlag.' }),
  'POST /api/proposals/{id}/merge': () => ({ intoId: refs.mergeIntoId, explanation: 'Doppelt eingereicht.' }),
  'POST /api/follows/unsubscribe': () => ({ token: token() }),
  'POST /api/assemblies': () => ({
    title: `Fuzz-Versammlung ${next()}`,
    place: 'Fuzz-Saal',
    startsAt: '2030-03-12T18:00:00Z',
    endsAt: '2030-03-12T20:00:00Z',
    areaIds: [refs.actionAreaId],
    agenda: [{ title: 'Fuzz-Punkt', type: 'discussion' }],
  }),
  'PATCH /api/assemblies/{id}': () => ({}),
  'POST /api/assemblies/join': () => ({ assemblyId: refs.assemblyId, displayName: 'Fuzz-Gast' }),
  'POST /api/assemblies/{id}/check-in-cards': () => ({ count: 1 }),
  'POST /api/assemblies/{id}/check-in-cards/door': () => ({ name: 'Fuzz-Person ohne Handy' }),
  'POST /api/projects': () => ({
    title: `Fuzz-Projektidee ${next()}`,
    description: 'Eine Projektidee aus dem Fuzz-Test, lang genug.',
    fieldOfActionId: refs.fieldId,
    areaIds: [refs.actionAreaId],
  }),
  'POST /api/projects/{id}/proposals': () => ({ proposalId: refs.linkProposalId }),
  // Refused by the workflow guards (422: Aktionsraum, start date and amount missing) whatever the fuzzed input holds, so
  // that replacing `input` wholesale (the "__proto__ inside input" case) gets the same answer as the base body.
  'POST /api/projects/{id}/transitions': () => ({
    transitionId: 'promote_to_single_project',
    input: { operatorName: 'Fuzz e. V.', fundingSource: 'Aktionsraumfonds' },
    expectedVersion: 1,
  }),
  'PUT /api/projects/{id}/evaluation': () => ({
    outcome: 'successful',
    evidence: 'Der Fuzz-Lauf hat funktioniert: viele kamen regelmäßig, die Rückmeldungen waren gut.',
    indicatorKeys: ['kinder_sgb2'],
    expectedVersion: 2,
  }),
  // Milestones and status reports go to a fresh single project each (see urlMaker).
  'POST /api/projects/{id}/milestones': () => ({ title: `Fuzz-Meilenstein ${next()}`, dueDate: '2030-06-30' }),
  'PATCH /api/projects/{id}/milestones/{milestoneId}': () => ({}),
  'POST /api/projects/{id}/status-reports': () => ({
    reportDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date()),
    progressPercent: 40,
    text: 'Fuzz-Sachstand: alles läuft nach Plan.',
  }),
  'POST /api/funds': () => fundBody(),
  'PATCH /api/funds/{id}': () => ({}),
  // Never succeeds (the line names no application on the agenda: 422), so the fund is never decided and every case meets the same fund.
  'POST /api/funds/{id}/decision': () => ({
    mode: 'jury',
    decisionDate: '2026-01-01',
    lines: [{ applicationId: randomUUID(), approvedAmountCents: null, reason: 'Fuzz-Begründung der Ablehnung.' }],
    note: null,
  }),
  // The fuzz fund has nothing on its agenda, so opening its online vote is always refused (422) and the others
  // meet no vote (404): every case meets the same state, and only the input decides between 400 and the rest.
  'POST /api/funds/{id}/online-vote': () => ({
    startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    binding: true,
  }),
  'POST /api/funds/{id}/online-vote/codes': () => ({ count: 2 }),
  'POST /api/funds/{id}/online-vote/ballots': () => ({ applicationIds: [randomUUID()], code: 'ABCDE-FGHJK' }),
  'POST /api/funds/{id}/online-vote/confirm': () => ({ note: null }),
  'POST /api/funds/{id}/applications': () => ({
    title: `Fuzz-Antrag ${next()}`,
    purpose: 'Ein Antrag aus dem Fuzz-Test, lang genug für die Prüfung.',
    costItems: [{ label: 'Material', amountCents: 10000 }],
    requestedAmountCents: 10000,
    applicantKind: 'person',
    applicantName: 'Fuzz Person',
    contact: { name: 'Fuzz Person', email: null, phone: null, address: null },
  }),
  'PATCH /api/applications/{id}': () => ({}),
  // Rejecting a draft is refused by its state (409) whatever the input holds (the model checks the state first).
  'POST /api/applications/{id}/transitions/{transitionId}': () => ({
    reason: 'Fuzz-Begründung der Ablehnung.',
    decisionDate: '2026-01-01',
  }),
  'POST /api/indicators': () => ({
    key: `fz_${next().toLowerCase()}`,
    name: { de: 'Fuzz-Indikator', en: 'Fuzz indicator' },
    unit: '%',
    direction: 'lower_is_better',
    description: { de: 'Aus dem Fuzz-Test.', en: 'From the fuzz test.' },
    source: 'Fuzz-Test',
  }),
  'PATCH /api/indicators/{key}': () => ({}),
  'PUT /api/indicators/{key}/values': () => ({ areaId: null, year: 2020, value: 12.5 }),
  'POST /api/indicator-targets': () => ({ indicatorKey: 'arbeitslosenrate', comparator: 'below', value: 10, dueYear: 2030 }),
  'PATCH /api/indicator-targets/{id}': () => ({}),
};

/** Text a person might really type, and text an attacker would. */
const UNICODE: Array<[string, string]> = [
  ['emoji', 'Fest 🎉 👩‍👩‍👧‍👦 🏳️‍🌈 im Quartier'],
  ['RTL Arabic', 'حي الشمال \u200Fمرحبا بكم'],
  ['combining characters', 'Cafe\u0301 Zo\u0308e Z\u0334\u0321\u031Ba\u0336l\u0337g\u0338o'],
  ['zero-width characters', 'a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf'],
  ['NUL', 'vor\u0000nach'],
  ['control characters', 'a\u0007b\u001Bc\u007Fd\u0008e'],
  ['bidi override', 'Rechnung\u202Efdp.exe'],
  ['CR LF and tab', 'Zeile 1\r\nZeile 2\tEnde'],
  ['a lone surrogate', 'x\uD800y'],
  ['only whitespace', ' \u00A0\u3000 '],
  ['SQL', "x'); DROP TABLE users;--"],
  ['HTML', '<script>alert(1)</script>'],
  ['500 combining accents', `e${'\u0301'.repeat(500)}`],
];

const WRONG_TYPES: Array<[string, unknown, string]> = [
  ['a number', 12345, 'number'],
  ['a boolean', true, 'boolean'],
  ['an array', ['x'], 'array'],
  ['an operator object', { $ne: null }, 'object'],
  ['a nested object', { toString: 'x', value: { deeper: ['x'] } }, 'object'],
  ['a string', 'text', 'string'],
];

const UNKNOWN_FIELDS = ['unexpectedField', 'id', 'role', 'passwordHash', 'emailVerifiedAt', 'deletedAt', 'createdAt', 'isAdmin'];
const POLLUTION = { polluted: 'yes', role: Role.Administrator, isAdmin: true };
const ANSWERS = [200, 201, 202, 204, 400, 401, 403, 404, 409, 413, 422];

interface Field {
  path: string[];
  name: string;
  schema: SchemaObject;
  required: boolean;
  nullable: boolean;
  /** Schemas of the enclosing objects, outermost first (to fill in a parent the base lacks). */
  parents: SchemaObject[];
}

type BodySpec = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string } | { kind: 'none' };

/**
 * reject: must be refused (400, or 413 when too large), naming the field when one is given.
 * reject-or-noop: refused, or accepted without storing anything (the field keeps its value).
 * any: input a person may send; any honest answer, and text must come back unchanged.
 * pollution: prototype keys; must neither pollute objects nor change anything.
 */
type Expectation = 'reject' | 'reject-or-noop' | 'any' | 'pollution';

interface Case {
  label: string;
  build: () => BodySpec;
  expect: Expectation;
  field?: string;
  status?: number[];
  roundTrip?: { path: string[]; value: string };
}

/** JSON cannot carry a lone surrogate through UTF-8 unchanged; such text is exempt from the round-trip check. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const getPath = (v: unknown, path: string[]): unknown => path.reduce<unknown>((o, k) => (isPlainObject(o) ? o[k] : undefined), v);
const clone = <T>(v: T): T => structuredClone(v);
const withoutKey = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

/** The own JSON type a schema asks for. */
function jsonType(schema: SchemaObject): string {
  if (schema.enum) return typeof schema.enum[0];
  if (schema.type === 'integer') return 'number';
  return schema.type ?? 'object';
}

/** A plausible valid value for a schema (used to fill a parent object the base body leaves out). */
function generate(doc: OpenApiDocument, raw: SchemaObject): unknown {
  const schema = resolveSchema(doc, raw);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k) => [k, generate(doc, schema.properties![k])]));
    case 'array':
      return [];
    case 'boolean':
      return true;
    case 'number':
    case 'integer':
      return schema.minimum ?? 0;
    default:
      if (schema.format === 'email') return uniqueEmail('fuzz');
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2024-01-01';
      if (typeof schema.example === 'string') return schema.example;
      return 'x'.repeat(Math.max(schema.minLength ?? 2, 2));
  }
}

function fieldsOf(doc: OpenApiDocument, schema: SchemaObject, prefix: string[] = [], parents: SchemaObject[] = []): Field[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => {
    const resolved = resolveSchema(doc, prop);
    const path = [...prefix, name];
    const field: Field = {
      path,
      name: path.join('.'),
      schema: resolved,
      required: (schema.required ?? []).includes(name),
      nullable: Boolean(prop.nullable || resolved.nullable),
      parents: [...parents, schema],
    };
    const nested = resolved.type === 'object' && resolved.properties ? fieldsOf(doc, resolved, path, [...parents, schema]) : [];
    return [field, ...nested];
  });
}

/** The base body with one field set (or removed), creating parent objects the base lacks. */
function withField(
  doc: OpenApiDocument,
  base: Record<string, unknown>,
  field: Field,
  value: unknown,
  remove = false,
): Record<string, unknown> {
  const body = clone(base);
  let node: Record<string, unknown> = body;
  field.path.slice(0, -1).forEach((key, i) => {
    if (!isPlainObject(node[key])) node[key] = generate(doc, field.parents[i].properties![key]);
    node = node[key] as Record<string, unknown>;
  });
  const leaf = field.path[field.path.length - 1];
  if (remove) delete node[leaf];
  else node[leaf] = value;
  return body;
}

/** A JSON text with an extra raw member spliced into the object at path (to send keys like __proto__ verbatim). */
function withRawMember(body: Record<string, unknown>, path: string[], member: string): string {
  if (!path.length) {
    const rest = JSON.stringify(body).slice(1);
    return `{${member}${rest === '}' ? '' : ','}${rest}`;
  }
  const [head, ...tail] = path;
  const inner = isPlainObject(body[head]) ? (body[head] as Record<string, unknown>) : {};
  const others = Object.entries(body)
    .filter(([k]) => k !== head)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{${[...others, `${JSON.stringify(head)}:${withRawMember(inner, tail, member)}`].join(',')}}`;
}

function casesFor(doc: OpenApiDocument, key: string, schema: SchemaObject): Case[] {
  const base = BASE_BODIES[key];
  const fields = fieldsOf(doc, schema);
  const json = (value: unknown): BodySpec => ({ kind: 'json', value });
  const raw = (text: string): BodySpec => ({ kind: 'raw', text });
  const topRequired = (schema.required ?? []).length > 0;
  const cases: Case[] = [
    { label: 'no body at all', build: () => ({ kind: 'none' }), expect: 'reject' },
    ...['null', '[]', '[{}]', '"text"', '42', 'true', '{"a":', '{"a":1}}', "{'single': 'quotes'}"].map((text): Case => ({
      label: `raw body ${text}`,
      build: () => raw(text),
      expect: 'reject',
    })),
    { label: 'empty object {}', build: () => json({}), expect: topRequired ? 'reject' : 'any', field: schema.required?.[0] },
    ...UNKNOWN_FIELDS.filter((f) => !schema.properties?.[f]).map((f): Case => ({
      label: `unknown field "${f}"`,
      build: () => json({ ...base(), [f]: 'administrator' }),
      expect: 'reject',
      field: f,
    })),
    {
      label: 'top-level "__proto__"',
      build: () => raw(withRawMember(base(), [], `"__proto__":${JSON.stringify(POLLUTION)}`)),
      expect: 'pollution',
    },
    {
      label: 'top-level "constructor.prototype"',
      build: () => raw(withRawMember(base(), [], `"constructor":{"prototype":${JSON.stringify(POLLUTION)}}`)),
      expect: 'pollution',
    },
    { label: 'top-level "prototype"', build: () => json({ ...base(), prototype: POLLUTION }), expect: 'pollution' },
    {
      label: 'a body over the 100 kB limit',
      build: () => json({ ...base(), padding: 'x'.repeat(150_000) }),
      expect: 'reject',
      status: [413],
    },
  ];

  for (const field of fields) {
    const f = field.name;
    const own = jsonType(field.schema);
    const set = (value: unknown) => () => json(withField(doc, base(), field, value));
    const strict = field.schema.enum || ['email', 'uuid', 'date', 'date-time'].includes(field.schema.format ?? '');

    if (field.required)
      cases.push({ label: `${f} missing`, build: () => json(withField(doc, base(), field, undefined, true)), expect: 'reject', field: f });
    for (const [label, value, type] of WRONG_TYPES) {
      if (type === own) continue;
      const sample = own === 'number' && type === 'string' ? '1' : own === 'boolean' && type === 'string' ? 'true' : value;
      cases.push({ label: `${f} = ${label} ${JSON.stringify(sample)}`, build: set(sample), expect: 'reject', field: f });
    }
    if (!field.nullable)
      cases.push({ label: `${f} = null`, build: set(null), expect: field.required ? 'reject' : 'reject-or-noop', field: f });

    if (own === 'string') {
      for (const [label, value] of [
        ['10,000 characters', 'x'.repeat(10_000)],
        ['90,000 characters', 'x'.repeat(90_000)],
        ['10,000 umlauts', 'ä'.repeat(10_000)],
      ]) {
        cases.push({ label: `${f} = ${label}`, build: set(value), expect: 'reject', field: f });
      }
      for (const [label, value] of UNICODE) {
        cases.push(
          strict
            ? { label: `${f} = ${label}`, build: set(value), expect: 'reject', field: f }
            : { label: `${f} = ${label}`, build: set(value), expect: 'any', roundTrip: { path: field.path, value: value.trim() } },
        );
      }
    }
    if (own === 'number') {
      for (const value of [-1, 1.5, 1e308, 2 ** 53, 2 ** 31]) cases.push({ label: `${f} = ${value}`, build: set(value), expect: 'any' });
    }
    if (own === 'array') {
      for (const [label, value] of [
        ['an array of numbers', [1, 2]],
        ['an array holding null', [null]],
        ['an array of objects', [{ $ne: null }]],
        ['an array of arrays', [['x']]],
      ] as Array<[string, unknown]>) {
        cases.push({ label: `${f} = ${label}`, build: set(value), expect: 'reject', field: f });
      }
      for (const [label, value] of [
        ['an item that is no id', ['not-a-uuid']],
        ['an unknown id', [randomUUID()]],
        ['201 items', Array.from({ length: 201 }, () => randomUUID())],
        ['an emoji item', ['🎉']],
      ] as Array<[string, unknown]>) {
        cases.push({ label: `${f} = ${label}`, build: set(value), expect: 'any' });
      }
    }
    if (own === 'object' && field.schema.properties) {
      cases.push({
        label: `unknown field in ${f}`,
        build: () =>
          json(
            withField(doc, base(), { ...field, path: [...field.path, 'unexpectedField'], parents: [...field.parents, field.schema] }, 'x'),
          ),
        expect: 'reject',
        field: `${f}.unexpectedField`,
      });
      cases.push({
        label: `"__proto__" inside ${f}`,
        build: () =>
          raw(
            withRawMember(
              withField(doc, base(), field, generate(doc, field.schema)),
              field.path,
              `"__proto__":${JSON.stringify(POLLUTION)}`,
            ),
          ),
        expect: 'pollution',
      });
    }
  }
  return cases;
}

describe('fuzzing every JSON request body', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let admin: ApiClient;
  /** Acts for the /api/me routes, so the administrator's own account is never the subject. */
  let meUser: TestUser;
  /** The account PATCH /api/admin/users/{id} points at. */
  let target: TestUser;
  let areaId: string;
  let fieldId: string;
  /** The administrator's proposal PATCH /api/proposals/{id} edits (the author may; no support, so it stays editable). */
  let proposalId: string;
  /** A proposal of the target account that moderation hides and restores (not the one above, which must stay visible). */
  let moderatedProposalId: string;
  /** The administrator's comment (PATCH /api/comments/{id} is the author's) and one that moderation hides and restores. */
  let commentId: string;
  let moderatedCommentId: string;
  /** The administrator's assembly PATCH /api/assemblies/{id} edits. */
  let assemblyId: string;
  /** A project idea; the project routes get a fresh one after each request that changed it (see urlMaker). */
  let projectId: string;
  /** An open fund, and a draft application of the administrator to it. */
  let fundId: string;
  let applicationId: string;
  const operations = new Map<string, DocumentedOperation>();

  beforeAll(async () => {
    t = await startTestApp();
    doc = await fetchOpenApi(t);
    // JSON bodies only; the multipart uploads have their own malformed-input cases (attachments and sign-language-video specs).
    for (const op of documentedOperations(doc)) if (op.operation.requestBody?.content['application/json']) operations.set(op.key, op);
    admin = await t.admin();
    meUser = await t.createUser({ displayName: 'Fuzz Ich' });
    target = await t.createUser({ displayName: 'Fuzz Ziel' });
    areaId = (await admin.get('/api/areas').expect(200)).body[0].id;
    fieldId = (await admin.get('/api/fields-of-action').expect(200)).body[0].id;
    refs.fieldId = fieldId;
    refs.actionAreaIds = (await admin.get('/api/areas?type=action_area').expect(200)).body.map((a: { id: string }) => a.id);
    refs.actionAreaId = refs.actionAreaIds[0];
    proposalId = await newProposal();
    refs.reportTargetId = await targetProposal();
    refs.mergeIntoId = await newProposal();
    moderatedProposalId = await targetProposal();
    const comment = async (client: ApiClient) =>
      (await client.post(`/api/proposals/${proposalId}/comments`, { body: 'Fuzz-Kommentar' }).expect(201)).body.id as string;
    commentId = await comment(admin);
    moderatedCommentId = await comment(target.client);
    assemblyId = (await admin.post('/api/assemblies', BASE_BODIES['POST /api/assemblies']()).expect(201)).body.id as string;
    refs.assemblyId = assemblyId;
    projectId = await newProject();
    fundId = (await admin.post('/api/funds', fundBody()).expect(201)).body.id as string;
    applicationId = (await admin.post(`/api/funds/${fundId}/applications`, BASE_BODIES['POST /api/funds/{id}/applications']()).expect(201))
      .body.id as string;
    refs.indicatorId = (await admin.post('/api/indicators', BASE_BODIES['POST /api/indicators']()).expect(201)).body.id as string;
    refs.targetId = (await admin.post('/api/indicator-targets', BASE_BODIES['POST /api/indicator-targets']()).expect(201)).body
      .id as string;
  });
  afterAll(() => t.close());

  /** A fresh proposal by the target account (someone else's, for the administrator to report or moderate). */
  async function targetProposal(): Promise<string> {
    return (await target.client.post('/api/proposals', proposal()).expect(201)).body.id as string;
  }

  /**
   * Set-up before a route's requests, made again after each request that succeeded. Reporting the same thing
   * again returns the open report unchanged, so every stored report goes to a fresh proposal and each case's
   * reason is stored.
   */
  const PREPARE: Record<string, () => Promise<void>> = {
    'POST /api/reports': async () => {
      refs.reportTargetId = await targetProposal();
    },
    'POST /api/projects/{id}/proposals': async () => {
      refs.linkProposalId = await newProposal();
    },
  };

  /** A fresh project idea of the administrator, or (single) one promoted to a single project (version 2). */
  async function newProject(single = false): Promise<string> {
    const id = (await admin.post('/api/projects', BASE_BODIES['POST /api/projects']()).expect(201)).body.id as string;
    if (single)
      await admin
        .post(`/api/projects/${id}/transitions`, {
          transitionId: 'promote_to_single_project',
          input: {
            operatorName: 'Fuzz e. V.',
            areaId: refs.actionAreaId,
            startDate: '2026-01-01',
            fundingSource: 'Aktionsraumfonds',
            fundingAmountCents: 100000,
          },
          expectedVersion: 1,
        })
        .expect(200);
    return id;
  }

  /** A fresh proposal by the administrator (the client the proposal routes are fuzzed with). */
  async function newProposal(): Promise<string> {
    return (await admin.post('/api/proposals', proposal()).expect(201)).body.id as string;
  }

  function realId(path: string): string {
    if (path.startsWith('/api/areas/')) return areaId;
    if (path.startsWith('/api/fields-of-action/')) return fieldId;
    if (path.startsWith('/api/languages/')) return 'tr';
    if (path.startsWith('/api/admin/users/')) return target.id;
    if (path.startsWith('/api/moderation/proposals/')) return moderatedProposalId;
    if (path.startsWith('/api/moderation/comments/')) return moderatedCommentId;
    if (path.startsWith('/api/comments/')) return commentId;
    if (path.startsWith('/api/proposals/')) return proposalId;
    if (path.startsWith('/api/assemblies/')) return assemblyId;
    if (path.startsWith('/api/projects/')) return projectId;
    if (path.startsWith('/api/funds/')) return fundId;
    if (path.startsWith('/api/applications/')) return applicationId;
    // Indicator paths take the id in place of the key.
    if (path.startsWith('/api/indicators/')) return refs.indicatorId;
    if (path.startsWith('/api/indicator-targets/')) return refs.targetId;
    throw new Error(`fuzz: tell realId() which record ${path} should point at`);
  }

  /**
   * The URL each request of a variant goes to. Withdrawing, answering and merging change a
   * proposal's status once, so after each request that succeeded these routes get a fresh proposal: each
   * case meets one it can still act on, not just the 409 of one already closed.
   */
  const ONCE_PER_PROPOSAL = ['/api/proposals/{id}/withdraw', '/api/proposals/{id}/answer', '/api/proposals/{id}/merge'];
  function urlMaker(op: DocumentedOperation, id: string | null): () => Promise<string> {
    if (id === null) return async () => op.path;
    if (ONCE_PER_PROPOSAL.includes(op.path) && id === proposalId) return async () => fillPath(op.path, { id: await newProposal() });
    // A milestone of a fresh single project (or an unknown one beside the random project id).
    if (op.path.includes('{milestoneId}'))
      return async () => {
        if (id !== projectId) return fillPath(op.path, { id, milestoneId: randomUUID() });
        const single = await newProject(true);
        const planned = await admin.post(`/api/projects/${single}/milestones`, { title: 'Fuzz-Meilenstein' }).expect(201);
        return fillPath(op.path, { id: single, milestoneId: planned.body.milestones[0].id });
      };
    // Every workflow step and grouping changes the project's version once: after each request that succeeded,
    // a fresh project (a single project for the evaluation, milestones and status reports).
    if (op.path.startsWith('/api/projects/{id}/') && id === projectId)
      return async () => fillPath(op.path, { id: await newProject(/\/(evaluation|milestones|status-reports)$/.test(op.path)) });
    const url = fillPath(op.path, { id, key: id, language: id, ...(op.path.includes('{transitionId}') ? { transitionId: 'reject' } : {}) });
    return async () => url;
  }

  /** Where an answer shows a field of the request, when not under the field's own name. */
  function echoed(key: string, path: string[], body: unknown): unknown {
    const inHistory: Record<string, string> = {
      'POST /api/proposals/{id}/withdraw': 'reason',
      'POST /api/proposals/{id}/answer': 'explanation',
      'POST /api/proposals/{id}/merge': 'explanation',
    };
    // Milestones and status reports answer with their (fresh) project: the one milestone or report is the echo.
    const inProject: Record<string, string> = {
      'POST /api/projects/{id}/milestones': 'milestones',
      'PATCH /api/projects/{id}/milestones/{milestoneId}': 'milestones',
      'POST /api/projects/{id}/status-reports': 'statusReports',
    };
    if (inProject[key]) {
      const list = getPath(body, [inProject[key]]);
      return Array.isArray(list) ? getPath(list[0], path) : undefined;
    }
    if (inHistory[key] === path.join('.')) {
      const history = getPath(body, ['statusHistory']);
      const explanation = Array.isArray(history) ? getPath(history[history.length - 1], ['explanation']) : undefined;
      // A merge records 'merged into "<title>": <explanation>'.
      return key.endsWith('/merge') && typeof explanation === 'string' ? explanation.replace(/^merged into "[^"]*": /, '') : explanation;
    }
    return getPath(body, path);
  }

  async function send(client: ApiClient, method: HttpMethod, url: string, spec: BodySpec) {
    const req = client.request(method, url);
    if (spec.kind === 'json') return req.send(spec.value as object);
    if (spec.kind === 'raw') return req.set('Content-Type', 'application/json').send(spec.text);
    return req;
  }

  /**
   * Where the stored record can be read back after a successful write, if anywhere: the address,
   * and how to pick the record out of what it answers.
   */
  function readBack(op: DocumentedOperation, url: string, body: unknown): { url: string; pick: (read: unknown) => unknown } | null {
    const itself = (read: unknown) => read;
    if (op.path === '/api/me') return { url: '/api/me', pick: itself };
    if (op.method === 'patch' && doc.paths[op.path]?.get) return { url, pick: itself };
    const id = getPath(body, ['id']);
    if (typeof id !== 'string') return null;
    if (op.method === 'post' && doc.paths[`${op.path}/{id}`]?.get) return { url: `${url}/${id}`, pick: itself };
    // Submitting on behalf, withdrawing, answering and merging answer with the proposal, which has its own address.
    if (op.method === 'post' && op.path.startsWith('/api/proposals/') && getPath(body, ['statusHistory']))
      return { url: `/api/proposals/${id}`, pick: itself };
    // A comment is read back from its proposal's discussion (top level or among the replies).
    const proposalId = getPath(body, ['proposalId']);
    if (typeof proposalId === 'string' && (op.path === '/api/proposals/{id}/comments' || op.path === '/api/comments/{id}')) {
      const find = (list: unknown): unknown =>
        Array.isArray(list)
          ? list.map((c: unknown) => (getPath(c, ['id']) === id ? c : find(getPath(c, ['replies'])))).find((c) => c !== undefined)
          : undefined;
      return { url: `/api/proposals/${proposalId}/comments`, pick: find };
    }
    return null;
  }

  it('has a base body for exactly the documented routes that take a JSON body', () => {
    const documented = [...operations.keys()].sort();
    expect(documented.length).toBeGreaterThan(0);
    expect({
      withoutBase: documented.filter((k) => !BASE_BODIES[k]),
      stale: Object.keys(BASE_BODIES).filter((k) => !operations.has(k)),
    }).toEqual({ withoutBase: [], stale: [] });
  });

  it.each(Object.keys(BASE_BODIES))(
    '%s: no malformed body gets a 5xx or an answer outside the error contract',
    async (key) => {
      const op = operations.get(key);
      if (!op) throw new Error(`${key} takes no JSON body in the OpenAPI document any more; remove its base body`);
      const schema = bodySchema(doc, op.operation)!;
      const client = op.path.startsWith('/api/me') ? meUser.client : admin;
      const variants: Array<[string, () => Promise<string>]> = op.path.includes('{')
        ? [
            ['existing id', urlMaker(op, realId(op.path))],
            ['random id', urlMaker(op, randomUUID())],
          ]
        : [['', urlMaker(op, null)]];
      const cases = casesFor(doc, key, schema);
      const violations: string[] = [];

      for (const [variant, urlOf] of variants) {
        const where = variant ? `${key} [${variant}]` : key;
        const summary = (status: number, body: { code?: string; message?: string; details?: unknown }) =>
          `${status} ${body?.code ?? ''} ${String(body?.message ?? '').slice(0, 160)}${body?.details ? ` details=${JSON.stringify(body.details).slice(0, 200)}` : ''}`;

        // The record a request goes to (and its set-up) is made again only after a request changed it (2xx):
        // a refused request changes nothing (the error contract, checked below), so the next case meets the
        // same record in the same state as a fresh one.
        let current: string | null = null;
        const recordUrl = async () => {
          if (current === null) {
            current = await urlOf();
            await PREPARE[key]?.();
          }
          return current;
        };
        const sendTo = async (url: string, spec: BodySpec) => {
          const res = await send(client, op.method, url, spec);
          if (res.status < 300) current = null;
          return res;
        };
        const baseline = async () => sendTo(await recordUrl(), { kind: 'json', value: BASE_BODIES[key]() });
        const first = await baseline();
        if (first.status >= 500 || first.body?.code === 'VALIDATION_FAILED')
          violations.push(`${where}: the base body itself fails: ${summary(first.status, first.body)}`);

        for (const c of cases) {
          const before = c.expect === 'reject-or-noop' || c.expect === 'pollution' ? await baseline() : null;
          const url = await recordUrl();
          const res = await sendTo(url, c.build());
          const body = res.body ?? {};
          const fail = (why: string) => violations.push(`${where} ${c.label} → ${summary(res.status, body)}: ${why}`);

          if (res.status >= 500) {
            fail('server error');
            continue;
          }
          if (res.status >= 400) {
            const shapeOk =
              body.statusCode === res.status &&
              typeof body.error === 'string' &&
              typeof body.code === 'string' &&
              typeof body.message === 'string' &&
              !/at .+\.(ts|js):\d+|QueryFailedError|SQLITE_|SELECT |INSERT INTO/.test(JSON.stringify(body));
            if (!shapeOk) fail('not the error body {statusCode, error, code, message}');
            if (
              body.details !== undefined &&
              !(
                Array.isArray(body.details) &&
                body.details.every(
                  (d: { field?: unknown; messages?: unknown }) =>
                    typeof d.field === 'string' && Array.isArray(d.messages) && d.messages.length > 0,
                )
              )
            ) {
              fail('details are not [{field, messages[]}]');
            }
          }
          const names = (field: string) =>
            Array.isArray(body.details) &&
            body.details.some((d: { field: string }) => d.field === field || d.field.startsWith(`${field}.`));

          switch (c.expect) {
            case 'reject': {
              const wanted = c.status ?? [400];
              if (!wanted.includes(res.status)) fail(`expected ${wanted.join('/')}`);
              else if (res.status === 400 && c.field && !names(c.field)) fail(`expected details naming "${c.field}"`);
              break;
            }
            case 'reject-or-noop': {
              if (res.status === 400) {
                if (c.field && !names(c.field)) fail(`expected details naming "${c.field}"`);
              } else if (res.status !== before!.status) {
                fail(`expected 400, or the same answer as the valid base body (${before!.status})`);
              } else if (
                res.status < 300 &&
                JSON.stringify(getPath(res.body, c.field!.split('.'))) !== JSON.stringify(getPath(before!.body, c.field!.split('.')))
              ) {
                fail(
                  `accepted null for "${c.field}", which the document declares not nullable, and changed it from ${JSON.stringify(getPath(before!.body, c.field!.split('.')))}`,
                );
              }
              break;
            }
            case 'pollution': {
              if (
                ({} as Record<string, unknown>).polluted !== undefined ||
                Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')
              )
                fail('Object.prototype was polluted');
              if (![400, before!.status].includes(res.status))
                fail(`expected 400, or the same answer as the valid base body (${before!.status})`);
              if (res.status < 300) {
                if (JSON.stringify(res.body).includes('polluted')) fail('the polluting key shows up in the answer');
                if (getPath(res.body, ['role']) !== getPath(before!.body, ['role'])) fail('the role changed');
              }
              break;
            }
            case 'any': {
              if (!ANSWERS.includes(res.status)) fail(`unexpected status; expected one of ${ANSWERS.join(', ')}`);
              if (res.status < 300 && c.roundTrip && !LONE_SURROGATE.test(c.roundTrip.value)) {
                const shown = echoed(key, c.roundTrip.path, res.body);
                if (typeof shown === 'string' && shown !== c.roundTrip.value)
                  fail(`answer shows ${JSON.stringify(shown)} instead of ${JSON.stringify(c.roundTrip.value)}`);
                const stored = readBack(op, url, res.body);
                if (stored) {
                  const value = echoed(key, c.roundTrip.path, stored.pick((await client.get(stored.url)).body));
                  if (typeof shown === 'string' && value !== c.roundTrip.value)
                    fail(
                      `stored as ${JSON.stringify(value)} (read back from GET ${stored.url}) instead of ${JSON.stringify(c.roundTrip.value)}`,
                    );
                }
              }
              break;
            }
          }
        }
      }
      expect(violations).toEqual([]);
    },
    60_000,
  );

  it('refuses JSON nested thousands of levels deep with 400, on every route', async () => {
    // About 60 kB, well under the 100 kB body limit: nesting, not size, is what is being tried.
    const depth = 10_000;
    const deep = (inner: string) => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;
    const violations: string[] = [];
    for (const key of Object.keys(BASE_BODIES)) {
      const op = operations.get(key);
      if (!op) continue;
      const client = op.path.startsWith('/api/me') ? meUser.client : admin;
      const url = op.path.includes('{')
        ? fillPath(op.path, {
            id: realId(op.path),
            key: realId(op.path),
            language: realId(op.path),
            milestoneId: randomUUID(),
            transitionId: 'reject',
          })
        : op.path;
      const firstField = Object.keys(bodySchema(doc, op.operation)?.properties ?? {})[0];
      for (const [label, text] of [
        ['under an unknown field', withRawMember(BASE_BODIES[key](), [], `"unexpectedField":${deep('1')}`)],
        [
          `as the value of ${firstField}`,
          withRawMember(withoutKey(BASE_BODIES[key](), firstField), [], `${JSON.stringify(firstField)}:${deep('1')}`),
        ],
        ['as arrays', `{"unexpectedField":${'['.repeat(depth)}${']'.repeat(depth)}}`],
      ]) {
        const res = await client.request(op.method, url).set('Content-Type', 'application/json').send(text);
        if (res.status !== 400 || typeof res.body?.code !== 'string') {
          violations.push(`${key} nested ${depth} levels ${label} → ${res.status} ${res.body?.code ?? ''} ${res.body?.message ?? ''}`);
        }
      }
    }
    expect(violations).toEqual([]);
  }, 60_000);

  it('leaves the administrator and the /api/me test account signed in, unchanged, and Object.prototype clean', async () => {
    const me = await admin.get('/api/me').expect(200);
    expect(me.body).toEqual(expect.objectContaining({ email: ADMIN.email, role: Role.Administrator }));
    const mine = await meUser.client.get('/api/me').expect(200);
    expect(mine.body).toEqual(expect.objectContaining({ id: meUser.id, email: meUser.email, role: Role.Citizen }));
    const targetNow = (await admin.get('/api/admin/users?pageSize=100').expect(200)).body.items.find(
      (u: { id: string }) => u.id === target.id,
    );
    expect(targetNow).toEqual(expect.objectContaining({ role: Role.Citizen, deleted: false }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

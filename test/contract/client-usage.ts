/**
 * A small program as a city's other systems or an open-data user would write it: typed only by
 * the published OpenAPI document. `npm run contract:check` generates the types from the served
 * document with openapi-typescript and compiles this file against them (it is never run). The
 * `@ts-expect-error` lines prove the types are precise: were they `any`, the check would fail.
 */
import type { paths } from '@contract/openapi';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Success<O> = O extends { responses: infer R } ? Json<R[Extract<keyof R, 200 | 201>]> : never;
type PathParams<O> = O extends { parameters: { path: infer P } } ? P : never;
type Query<O> = O extends { parameters: { query?: infer Q } } ? Q : never;
type Body<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
type Options<O> = { csrf?: string; query?: Query<O> } & ([PathParams<O>] extends [never] ? { params?: never } : { params: PathParams<O> }) &
  ([Body<O>] extends [never] ? { body?: never } : { body: Body<O> });

/** One request; the session cookie and the CSRF header are the document's security schemes. */
async function call<P extends keyof paths, M extends Method>(
  base: string,
  method: M,
  path: P,
  options: Options<Operation<P, M>>,
): Promise<Success<Operation<P, M>>> {
  const params = (options.params ?? {}) as Record<string, string>;
  const url = new URL(
    String(path).replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? '')),
    base,
  );
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: method.toUpperCase(),
    headers,
    credentials: 'include',
    body: options.body && JSON.stringify(options.body),
  });
  if (!res.ok) throw new Error(`${method.toUpperCase()} ${url.pathname}: ${res.status}`);
  return (await res.json()) as Success<Operation<P, M>>;
}

/** An open-data portal's harvester: the catalogue, then one dataset as JSON. */
export async function harvestOpenData(base: string): Promise<string[]> {
  const catalogue = await call(base, 'get', '/api/open-data', {});
  const lines = catalogue.datasets.map((d) => `${d.id}: ${d.count} records, ${d.licence} (${d.licenceUrl}), ${d.formats.join('/')}`);
  const file = await call(base, 'get', '/api/open-data/{file}', { params: { file: 'proposals.json' } });
  const count: number = file.meta.count;
  lines.push(
    `${file.meta.dataset}: ${count} records generated ${file.meta.generatedAt}, first keys ${Object.keys(file.records[0] ?? {}).join(', ')}`,
  );
  // @ts-expect-error only the published files exist
  await call(base, 'get', '/api/open-data/{file}', { params: { file: 'users.json' } });
  return lines;
}

/** A district office's system: reads the most supported proposals, submits one, supports it. */
export async function proposals(base: string, csrf: string, place: { fieldOfActionId: string; areaId: string }): Promise<string[]> {
  const page = await call(base, 'get', '/api/proposals', { query: { sort: 'supported', pageSize: 10 } });
  const titles: string[] = page.items.map((p) => `${p.title} (${p.supportCount})`);
  const first = page.items[0];
  if (first) {
    const detail = await call(base, 'get', '/api/proposals/{id}', { params: { id: first.id } });
    titles.push(`${detail.title}: ${detail.body.length} characters, ${detail.commentCount} comments`);
  }
  const created = await call(base, 'post', '/api/proposals', {
    csrf,
    body: { title: 'Mehr Bänke am Marktplatz', body: 'Zum Ausruhen.', ...place },
  });
  await call(base, 'put', '/api/proposals/{id}/support', { csrf, params: { id: created.id } });
  // @ts-expect-error the title is required
  await call(base, 'post', '/api/proposals', { csrf, body: { body: 'Ohne Titel', ...place } });
  // @ts-expect-error sort takes only the documented values
  await call(base, 'get', '/api/proposals', { query: { sort: 'oldest' } });
  // @ts-expect-error a proposal is addressed by its id
  await call(base, 'get', '/api/proposals/{id}', {});
  return titles;
}

/** A community interpreter's tool: a proposal's discussion in Turkish, one comment machine-translated into German, an answer in Turkish. */
export async function discussionInTurkish(base: string, csrf: string, proposalId: string): Promise<string[]> {
  const turkish = await call(base, 'get', '/api/proposals/{id}/comments', { params: { id: proposalId }, query: { language: 'tr' } });
  const lines = turkish.map((c) => `${c.language}: ${c.body} (${c.replies.length} replies)`);
  const first = turkish[0];
  if (first) {
    const german = await call(base, 'post', '/api/comments/{id}/translations', {
      csrf,
      params: { id: first.id },
      body: { language: 'de' },
    });
    lines.push(`${german.sourceLanguage} → ${german.language}: ${german.body}`);
  }
  const answer = await call(base, 'post', '/api/proposals/{id}/comments', {
    csrf,
    params: { id: proposalId },
    body: { body: 'Teşekkürler, bilgi için.', language: 'tr' },
  });
  lines.push(`answered in ${answer.language}`);
  // @ts-expect-error the discussion is filtered by one of the ten languages only
  await call(base, 'get', '/api/proposals/{id}/comments', { params: { id: proposalId }, query: { language: 'fr' } });
  // @ts-expect-error a translation needs the language to translate into
  await call(base, 'post', '/api/comments/{id}/translations', { csrf, params: { id: proposalId }, body: {} });
  return lines;
}

import {
  CITIZEN_TEXT_ATTRIBUTION,
  CITIZEN_TEXT_LICENCE,
  CITIZEN_TEXT_LICENCE_URL,
  isLanguage,
  OPEN_DATA_LICENCE,
  OPEN_DATA_LICENCE_URL,
  PROPOSAL_SORTS,
  PROPOSAL_STATUSES,
  ProposalSort,
  type ProposalListQuery,
  type ProposalStatus,
} from '@app/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { Pagination } from '../../components/ui/Pagination';
import { QueryState } from '../../components/ui/QueryState';
import { Section } from '../../components/ui/Section';
import { useProposals } from '../../features/proposals/api/proposals';
import { ProposalList } from '../../features/proposals/components/ProposalCard';
import { ProposalFilters, type ProposalFilterValues } from '../../features/proposals/components/ProposalFilters';
import { useProposalOptions } from './proposal-options';

const PAGE_SIZE = 10;
const UUID = /^[0-9a-f-]{36}$/i;

function readFilter(params: URLSearchParams): ProposalFilterValues & Pick<ProposalListQuery, 'seed' | 'page'> {
  const sort = params.get('sort') ?? '';
  const status = params.get('status') ?? '';
  const language = params.get('language') ?? '';
  const seed = Number(params.get('seed'));
  const uuid = (name: string) => (UUID.test(params.get(name) ?? '') ? (params.get(name) as string) : '');
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    areaId: uuid('areaId'),
    fieldOfActionId: uuid('fieldOfActionId'),
    status: (PROPOSAL_STATUSES as readonly string[]).includes(status) ? (status as ProposalStatus) : '',
    language: isLanguage(language) ? language : '',
    sort: (PROPOSAL_SORTS as readonly string[]).includes(sort) ? (sort as ProposalSort) : ProposalSort.Newest,
    seed: Number.isInteger(seed) && seed > 0 ? seed : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

/** Only values that differ from the defaults go into the URL, in a fixed order. */
function toParams(filter: ProposalFilterValues & { seed?: number; page?: number }): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.q) out.q = filter.q;
  if (filter.areaId) out.areaId = filter.areaId;
  if (filter.fieldOfActionId) out.fieldOfActionId = filter.fieldOfActionId;
  if (filter.status) out.status = filter.status;
  if (filter.language) out.language = filter.language;
  if (filter.sort !== ProposalSort.Newest) out.sort = filter.sort;
  if (filter.sort === ProposalSort.Random && filter.seed) out.seed = String(filter.seed);
  if (filter.page && filter.page > 1) out.page = String(filter.page);
  return out;
}

const newSeed = () => Math.floor(Math.random() * 1_000_000) + 1;

export function ProposalsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const options = useProposalOptions();
  const needsSeed = filter.sort === ProposalSort.Random && !filter.seed;

  // A random order without a seed gets one, so the order survives paging, reloads and sharing.
  useEffect(() => {
    if (needsSeed) setParams(toParams({ ...filter, seed: newSeed() }), { replace: true });
  });

  const proposals = useProposals({
    q: filter.q || undefined,
    areaId: filter.areaId || undefined,
    fieldOfActionId: filter.fieldOfActionId || undefined,
    status: filter.status || undefined,
    language: filter.language || undefined,
    sort: filter.sort,
    seed: filter.sort === ProposalSort.Random ? filter.seed : undefined,
    page: filter.page,
    pageSize: PAGE_SIZE,
  });

  return (
    <Page title={t('proposals.list.title')} lead={t('proposals.list.lead')} wide>
      <p className="page-actions">
        <ButtonLink to="/proposals/new" variant="primary" icon="add">
          {t('proposals.list.create')}
        </ButtonLink>
      </p>
      <ProposalFilters
        key={`${params.toString()}|${options.areaOptions.length}|${options.fieldOptions.length}`}
        values={filter}
        areaOptions={options.areaOptions}
        fieldOptions={options.fieldOptions}
        onApply={(next) =>
          setParams(toParams({ ...next, seed: next.sort === ProposalSort.Random ? (filter.seed ?? newSeed()) : undefined }))
        }
      />
      <QueryState query={proposals}>
        {(page) => (
          <section aria-labelledby="proposal-results-title">
            <h2 id="proposal-results-title" className="kern-sr-only">
              {t('proposals.list.results')}
            </h2>
            <p className="kern-body result-count" role="status">
              {t('proposals.list.resultCount', { count: page.total })}
            </p>
            {page.items.length > 0 ? (
              <ProposalList proposals={page.items} headingLevel={3} />
            ) : (
              <p className="kern-body">{t('proposals.list.empty')}</p>
            )}
            <Pagination
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              onChange={(next) => {
                setParams(toParams({ ...filter, page: next }));
                window.scrollTo({ top: 0 });
              }}
            />
          </section>
        )}
      </QueryState>
      <Section id="open-data" title={t('proposals.openData.title')} intro={t('proposals.openData.intro')}>
        <ul className="kern-list link-list">
          <li>
            <a className="kern-link" href="/api/proposals/export.csv" download>
              {t('proposals.openData.csv')}
            </a>
          </li>
          <li>
            <a className="kern-link" href="/api/proposals/export.json" download>
              {t('proposals.openData.json')}
            </a>
          </li>
        </ul>
        {/* The same two licences as in the files and on /open-data: the texts are the citizens' works. */}
        <p className="kern-body proposals-licence">
          {t('proposals.openData.textLicence')}{' '}
          <a className="kern-link" href={CITIZEN_TEXT_LICENCE_URL} rel="license noreferrer" lang="de">
            {CITIZEN_TEXT_LICENCE}
          </a>{' '}
          (<span lang="de">{CITIZEN_TEXT_ATTRIBUTION}</span>). {t('proposals.openData.dataLicence')}{' '}
          <a className="kern-link" href={OPEN_DATA_LICENCE_URL} rel="license noreferrer" lang="de">
            {OPEN_DATA_LICENCE}
          </a>
        </p>
      </Section>
    </Page>
  );
}

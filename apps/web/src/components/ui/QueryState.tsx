import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, translateMessage } from '../../lib/messages';
import { Alert } from './Alert';

export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
}

/** Loading, error and content states of a query, rendered the same way everywhere. */
export function QueryState<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.error || query.data === undefined) {
    const { formError } = describeError(query.error);
    return (
      <Alert variant="danger" role="alert" title={t('common.loadFailed')}>
        <p className="kern-body">{translateMessage(t, formError)}</p>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" className="loading">
      <span className="kern-loader kern-loader--visible loading__spinner" aria-hidden="true" />
      <span className="kern-body">{t('common.loading')}</span>
    </div>
  );
}

/** Two queries as one: loaded when both have loaded, failed when either failed. */
export function bothQueries<A, B>(a: QueryLike<A>, b: QueryLike<B>): QueryLike<[A, B]> {
  return {
    data: a.data !== undefined && b.data !== undefined ? [a.data, b.data] : undefined,
    error: a.error ?? b.error,
    isPending: a.isPending || b.isPending,
  };
}

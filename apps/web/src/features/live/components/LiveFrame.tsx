import type { ApiErrorBody } from '@app/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Loading } from '../../../components/ui/QueryState';
import { translateMessage } from '../../../lib/messages';
import type { LiveConnection } from '../hooks/useLive';
import { ConnectionBadge } from './common';

export function refusalText(t: ReturnType<typeof useTranslation>['t'], error: ApiErrorBody): string {
  return translateMessage(t, { key: [`live.errors.${error.code}`, `errors.${error.code}`], text: error.message });
}

/** Connection status on top, then loading / refused / the content once the first state arrived. */
export function LiveFrame({ live, children, refusedExtra }: { live: LiveConnection; children: ReactNode; refusedExtra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <ConnectionBadge status={live.status} />
      {live.refused ? (
        <Alert variant="danger" role="alert" title={t('live.refused')}>
          <p className="kern-body">{refusalText(t, live.refused)}</p>
          {refusedExtra}
        </Alert>
      ) : null}
      {live.state ? children : live.refused ? null : <Loading />}
    </>
  );
}

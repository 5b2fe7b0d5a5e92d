import type { OpenDataCatalogue, OpenDataDataset } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { localized } from './report-format';
import { formatLocale } from '../../../lib/i18n';

function Dataset({ dataset }: { dataset: OpenDataDataset }) {
  const { t, i18n } = useTranslation();
  const title = localized(dataset.title, i18n.language);
  const headingId = `dataset-${dataset.id}`;
  return (
    <li className="report-dataset" data-dataset={dataset.id}>
      <article aria-labelledby={headingId}>
        <h2 className="kern-heading-small" id={headingId}>
          {title}
        </h2>
        <p className="kern-body">{localized(dataset.description, i18n.language)}</p>
        <dl className="report-facts report-facts--compact">
          <div>
            <dt>{t('report.openData.records')}</dt>
            <dd>{new Intl.NumberFormat(formatLocale(i18n.language)).format(dataset.count)}</dd>
          </div>
          <div>
            <dt>{t('report.openData.lastModified')}</dt>
            <dd>{dataset.lastModified ? formatDate(dataset.lastModified) : t('report.openData.empty')}</dd>
          </div>
          <div>
            <dt>{t('report.openData.licence')}</dt>
            <dd>
              <a className="kern-link" href={dataset.licenceUrl} rel="license noreferrer">
                {dataset.licence}
              </a>
              {dataset.contentLicence ? (
                <>
                  {' '}
                  {t('report.openData.contentLicence')}{' '}
                  <a className="kern-link" href={dataset.contentLicence.licenceUrl} rel="license noreferrer">
                    {dataset.contentLicence.licence}
                  </a>{' '}
                  ({dataset.contentLicence.attribution})
                </>
              ) : null}
            </dd>
          </div>
        </dl>
        <ul className="report-dataset__formats">
          {dataset.formats.map((format) => (
            <li key={format.format}>
              <a className="kern-link" href={format.url} type={format.mediaType} download data-format={format.format}>
                <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
                {t('report.openData.download', { format: format.format.toUpperCase() })}
                <span className="kern-sr-only">: {title}</span>
              </a>
            </li>
          ))}
        </ul>
        <details className="report-dataset__fields">
          <summary className="kern-body">{t('report.openData.fieldsSummary', { count: dataset.columns.length })}</summary>
          <dl className="report-fields">
            {dataset.columns.map((column) => (
              <div key={column}>
                <dt>
                  <code>{column}</code>
                </dt>
                <dd>{t(`report.openData.fields.${column}`, { defaultValue: t('report.openData.fieldUndocumented') })}</dd>
              </div>
            ))}
            <div>
              <dt>
                <code>licence, licenceUrl, generatedAt</code>
              </dt>
              <dd>{t('report.openData.licenceColumns')}</dd>
            </div>
          </dl>
        </details>
      </article>
    </li>
  );
}

/** The open-data catalogue: what each dataset holds, its licence and its downloads. */
export function OpenDataList({ catalogue }: { catalogue: OpenDataCatalogue }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="kern-body">
        {t('report.openData.publisher', { publisher: catalogue.publisher })}{' '}
        <a className="kern-link" href={catalogue.licenceUrl} rel="license noreferrer">
          {catalogue.licence}
        </a>
        . {t('report.openData.generated', { date: formatDate(catalogue.generatedAt) })}
      </p>
      <ul className="report-datasets">
        {catalogue.datasets.map((dataset) => (
          <Dataset key={dataset.id} dataset={dataset} />
        ))}
      </ul>
      <p className="kern-body">{t('report.openData.apiNote')}</p>
    </>
  );
}

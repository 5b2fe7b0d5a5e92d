import { ImportErrorCode, type IndicatorImportResponse } from '@app/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { Form } from '../../../components/ui/Form';
import { FileField } from '../../../components/ui/FormField';
import { describeError, FormError, translateMessage, type UiMessage } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { useImportIndicatorValues } from '../api/report';
import { formatLocale } from '../../../lib/i18n';

/** The server names an earlier line for duplicates ("… first seen on line 3"); keep that number. */
function earlierLine(message: string): string {
  return /line (\d+)/i.exec(message)?.[1] ?? '';
}

function ImportResult({ result }: { result: IndicatorImportResponse }) {
  const { t, i18n } = useTranslation();
  const format = (value: number) => new Intl.NumberFormat(formatLocale(i18n.language)).format(value);
  const clean = result.errorCount === 0;
  // "1 Zeile" / "12 Zeilen": the row count with its plural form, inside the sentences below.
  const rows = t('report.import.rowCount', { count: result.rows, formatted: format(result.rows) });
  const title = result.dryRun
    ? clean
      ? t('report.import.dryRunClean', { rows })
      : t('report.import.dryRunErrors', { count: result.errorCount, formatted: format(result.errorCount), rows })
    : result.imported
      ? t('report.import.imported', { rows })
      : t('report.import.notImported', { count: result.errorCount, formatted: format(result.errorCount) });
  return (
    <>
      <Alert variant={clean ? 'success' : 'danger'} title={title} headingLevel={3}>
        <p className="kern-body">
          {t(result.dryRun ? 'report.import.countsWould' : 'report.import.counts', {
            inserted: format(result.counts.inserted),
            updated: format(result.counts.updated),
            unchanged: format(result.counts.unchanged),
          })}{' '}
          {t('report.import.format', {
            delimiter: result.delimiter === '\t' ? t('report.import.tab') : result.delimiter,
            decimal: result.decimalSeparator,
          })}
        </p>
        {result.errors.length < result.errorCount ? (
          <p className="kern-body">
            {t('report.import.errorsTruncated', { listed: format(result.errors.length), total: format(result.errorCount) })}
          </p>
        ) : null}
      </Alert>
      {result.errors.length > 0 ? (
        <DataTable
          rows={result.errors}
          rowKey={(error) => `${error.line}-${error.column ?? ''}-${error.code}`}
          label={t('report.import.errorsLabel')}
          caption={t('report.import.errorsCaption', { count: result.errorCount })}
          emptyText=""
          columns={[
            { id: 'line', header: t('report.import.line'), rowHeader: true, numeric: true, cell: (error) => String(error.line) },
            { id: 'column', header: t('report.import.column'), cell: (error) => error.column ?? '' },
            { id: 'value', header: t('report.import.value'), cellClass: 'table-cell--break', cell: (error) => error.value ?? '' },
            {
              id: 'message',
              header: t('report.import.message'),
              cell: (error) =>
                t(`report.import.errors.${error.code}`, {
                  value: error.value ?? '',
                  line: error.code === ImportErrorCode.DuplicateRow ? earlierLine(error.message) : '',
                  defaultValue: error.message,
                }),
            },
          ]}
        />
      ) : null}
    </>
  );
}

/**
 * CSV import of indicator values: "Prüfen" runs a dry run that lists every bad row; "Importieren"
 * is only offered after a clean dry run of the same file, and writes everything in one go.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const importValues = useImportIndicatorValues();
  const fileRef = useRef<File | null>(null);
  const [result, setResult] = useState<IndicatorImportResponse | null>(null);
  const [checked, setChecked] = useState<File | null>(null);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<UiMessage | null>(null);
  const [runs, setRuns] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (runs > 0) resultRef.current?.focus();
  }, [runs]);

  const form = useForm({
    id: 'indicator-import',
    initialValues: { file: '' },
    onSubmit: async () => {
      const file = fileRef.current;
      if (!file) throw new FormError({ key: 'report.import.chooseFile' }, { file: [{ key: 'validation.required' }] });
      const report = await importValues(file, true);
      setResult(report);
      setImportError(null);
      setChecked(report.errorCount === 0 ? file : null);
      setRuns((count) => count + 1);
    },
  });

  async function runImport() {
    const file = checked;
    if (!file || importing) return;
    setImporting(true);
    setImportError(null);
    try {
      const report = await importValues(file, false);
      setResult(report);
      setChecked(null);
    } catch (error) {
      setImportError(describeError(error).formError);
    } finally {
      setImporting(false);
      setRuns((count) => count + 1);
    }
  }

  // Choosing another file clears `checked`, so a clean dry run always belongs to the file now chosen.
  const canImport = checked !== null;
  return (
    <>
      <p className="kern-body">{t('report.import.intro')}</p>
      <pre className="report-csv-example" aria-label={t('report.import.exampleLabel')}>
        {'area,indicator,year,value\nar-nordmarkt,arbeitslosenrate,2024,18.4\nstadt,arbeitslosenrate,2024,11.9'}
      </pre>
      <Form form={form} submitLabel={t('report.import.check')} submitIcon="checklist" submitVariant="secondary">
        <FileField
          {...form.field('file', { label: t('report.import.file'), required: true })}
          accept=".csv,text/csv,text/plain"
          hint={t('report.import.fileHint')}
          onFile={(file) => {
            fileRef.current = file;
            setChecked(null);
            setResult(null);
          }}
        />
      </Form>
      <div className="kern-btn-wrapper report-import__actions">
        <Button
          variant="primary"
          icon="drive-folder-upload"
          disabled={!canImport}
          busy={importing}
          aria-describedby="indicator-import-hint"
          onClick={() => void runImport()}
          data-action="import"
        >
          {importing ? t('form.submitting') : t('report.import.run')}
        </Button>
        <p className="kern-hint" id="indicator-import-hint">
          {t(canImport ? 'report.import.runHintReady' : 'report.import.runHint')}
        </p>
      </div>
      <div ref={resultRef} tabIndex={-1} className="report-import__result" data-import-result>
        {importError ? (
          <Alert variant="danger" title={t('report.import.failed')} headingLevel={3}>
            <p className="kern-body">{translateMessage(t, importError)}</p>
          </Alert>
        ) : null}
        {result ? <ImportResult result={result} /> : null}
      </div>
    </>
  );
}

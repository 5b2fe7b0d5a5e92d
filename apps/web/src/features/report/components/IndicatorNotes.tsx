import { INDICATOR_TERMS, TargetComparator, type ExplanationKey, type IndicatorDefinition, type TargetProgress } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/Badge';
import { Term, TermList } from '../../../components/ui/Term';
import { differenceUnit, formatSigned, formatWithUnit, higherIsBetter, localized } from './report-format';

interface IndicatorTermsProps {
  indicator: IndicatorDefinition;
  /** Terms the page around it uses (the overview's Aktionsraum). */
  also?: readonly ExplanationKey[];
  /** Terms explained further up the page already (once per page is enough). */
  skip?: readonly ExplanationKey[];
}

/** The hard terms of an indicator (SGB-II-Quote, Bedarfsgemeinschaft), each with its short explanation in place; nothing when none. */
export function IndicatorTerms({ indicator, also = [], skip = [] }: IndicatorTermsProps) {
  const terms = [...also, ...(INDICATOR_TERMS[indicator.key] ?? [])].filter((term) => !skip.includes(term));
  if (terms.length === 0) return null;
  return (
    <TermList className="kern-body--small report-terms">
      {terms.map((term) => (
        <Term key={term} name={term} />
      ))}
    </TermList>
  );
}

/** How to read the numbers: direction, the sign of the difference, description and source. */
export function DirectionNote({ indicator }: { indicator: IndicatorDefinition }) {
  const { t, i18n } = useTranslation();
  const description = localized(indicator.description, i18n.language);
  return (
    <>
      <p className="kern-body kern-body--small">
        <strong>{t(higherIsBetter(indicator) ? 'report.common.higherIsBetter' : 'report.common.lowerIsBetter')}.</strong>{' '}
        {t(higherIsBetter(indicator) ? 'report.common.differenceHigher' : 'report.common.differenceLower')}
      </p>
      {description ? <p className="kern-body kern-body--small">{description}</p> : null}
      {indicator.source ? <p className="kern-body kern-body--small">{t('report.common.source', { source: indicator.source })}</p> : null}
    </>
  );
}

function TargetStatus({ progress }: { progress: TargetProgress }) {
  const { t } = useTranslation();
  if (progress.met === null) return <Badge variant="info">{t('report.targets.noValue')}</Badge>;
  if (progress.met) return <Badge variant="success">{t('report.targets.met')}</Badge>;
  return (
    <Badge variant={progress.overdue ? 'danger' : 'warning'}>
      {t(progress.overdue ? 'report.targets.overdue' : 'report.targets.notMet')}
    </Badge>
  );
}

/** Targets with the latest value measured against them and the distance to go. */
export function TargetList({
  indicator,
  targets,
  scopeLabel,
}: {
  indicator: IndicatorDefinition;
  targets: TargetProgress[];
  scopeLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (targets.length === 0) return <p className="kern-body kern-body--small">{t('report.targets.none')}</p>;
  return (
    <ul className="report-targets">
      {targets.map((progress) => {
        const { target } = progress;
        const goal = t(target.comparator === TargetComparator.Below ? 'report.targets.below' : 'report.targets.above', {
          value: formatWithUnit(target.value, indicator, language),
          year: target.dueYear,
        });
        return (
          <li key={target.id} className="report-targets__item" data-target={target.id}>
            <p className="kern-body">
              <strong>
                {progress.scope === 'city' ? (scopeLabel ?? t('report.targets.cityBenchmark')) : t('report.targets.areaScope')}: {goal}
              </strong>{' '}
              <TargetStatus progress={progress} />
            </p>
            {progress.latestValue !== null ? (
              <p className="kern-body kern-body--small">
                {t('report.targets.latest', {
                  year: progress.latestYear,
                  value: formatWithUnit(progress.latestValue, indicator, language),
                })}{' '}
                {progress.distance !== null && !progress.met
                  ? t('report.targets.distance', {
                      distance: formatSigned(progress.distance, indicator.decimals, language),
                      unit: differenceUnit(indicator, t),
                    })
                  : null}
              </p>
            ) : null}
            {target.note ? <p className="kern-body kern-body--small">{target.note}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

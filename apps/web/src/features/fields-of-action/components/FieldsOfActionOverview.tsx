import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/ui/QueryState';
import { useFieldsOfAction } from '../../../lib/fields-of-action';
import { localized } from '../../../lib/localized';

/** The Handlungsfelder as cards, in their configured order. */
export function FieldsOfActionOverview() {
  const { t, i18n } = useTranslation();
  const fields = useFieldsOfAction('active');
  return (
    <QueryState query={fields}>
      {(items) =>
        items.length === 0 ? (
          <p className="kern-body">{t('home.fields.empty')}</p>
        ) : (
          <ul className="card-grid" role="list">
            {[...items]
              .sort((a, b) => a.sortOrder - b.sortOrder)
              .map((field) => (
                <li key={field.id} className="kern-card field-card">
                  <div className="kern-card__container">
                    <div className="kern-card__header">
                      <p className="kern-preline">
                        <abbr title={localized(field.name, i18n.language)} className="field-card__code">
                          {field.code}
                        </abbr>
                      </p>
                      <h3 className="kern-title">{localized(field.name, i18n.language)}</h3>
                    </div>
                    <div className="kern-card__body">
                      <p className="kern-body">{localized(field.description, i18n.language)}</p>
                    </div>
                  </div>
                </li>
              ))}
          </ul>
        )
      }
    </QueryState>
  );
}

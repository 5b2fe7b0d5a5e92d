import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * A short help for people in the hall: guest or account, the check-in card, secret or named votes.
 * Closed by default (a disclosure), so it never pushes the ballot off a phone's first screen.
 */
export function LiveHelp({ loginPath }: { loginPath?: string }) {
  const { t } = useTranslation();
  const topics = ['guest', 'card', 'secret'] as const;
  return (
    <details className="kern-accordion live-help">
      <summary className="kern-accordion__header">
        <span className="kern-title">{t('live.help.title')}</span>
      </summary>
      <div className="kern-accordion__body">
        {topics.map((topic) => (
          <section key={topic} aria-labelledby={`live-help-${topic}`}>
            <h2 className="kern-heading-x-small" id={`live-help-${topic}`}>
              {t(`live.help.${topic}.title`)}
            </h2>
            <p className="kern-body">{t(`live.help.${topic}.text`)}</p>
          </section>
        ))}
        {loginPath ? (
          <p className="kern-body">
            <Link className="kern-link" to={loginPath}>
              {t('live.help.login')}
            </Link>
          </p>
        ) : null}
      </div>
    </details>
  );
}

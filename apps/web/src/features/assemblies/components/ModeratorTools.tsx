import { AssemblyStatus, type AssemblyDetail } from '@app/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink } from '../../../components/ui/Button';
import { Section } from '../../../components/ui/Section';
import { currentLanguage } from '../../../lib/i18n';
import { assemblyPath } from '../api/assemblies';

/** Minutes as Markdown and PDF in the UI language. */
export function MinutesLinks({ assembly }: { assembly: AssemblyDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const base = assemblyPath(assembly.id);
  return (
    <ul className="kern-list link-list">
      <li>
        <a className="kern-link" href={`${base}/minutes.pdf?lang=${lang}`} download>
          {t('assemblies.minutes.pdf')}
        </a>
      </li>
      <li>
        <a className="kern-link" href={`${base}/minutes.md?lang=${lang}`} download>
          {t('assemblies.minutes.md')}
        </a>
      </li>
    </ul>
  );
}

/** For the assembly's moderators: edit, console, projector, minutes, the QR code and both codes. */
export function ModeratorTools({ assembly }: { assembly: AssemblyDetail }) {
  const { t } = useTranslation();
  const closed = assembly.status === AssemblyStatus.Closed;
  return (
    <Section id="moderation-tools" title={t('assemblies.moderation.title')} boxed>
      <div className="assembly-tools">
        {closed ? null : (
          <ButtonLink to={`/assemblies/${assembly.id}/edit`} icon="edit">
            {t('assemblies.moderation.edit')}
          </ButtonLink>
        )}
        <ButtonLink to={`/assemblies/${assembly.id}/console`} variant="primary" icon="checklist">
          {t('assemblies.moderation.console')}
        </ButtonLink>
        <Link className="kern-link assembly-tools__link" to={`/assemblies/${assembly.id}/projector`} target="_blank" rel="noopener">
          {t('assemblies.moderation.projector')}
          <span className="kern-sr-only"> {t('assemblies.newWindow')}</span>
        </Link>
      </div>
      <div className="assembly-codes">
        <figure className="assembly-qr">
          <img
            className="assembly-qr__image"
            src={`${assemblyPath(assembly.id)}/qr.svg`}
            alt={t('assemblies.moderation.qrAlt', { code: assembly.joinCode })}
            width={200}
            height={200}
          />
          <figcaption className="kern-body">{t('assemblies.moderation.qrCaption')}</figcaption>
        </figure>
        <dl className="assembly-codes__list">
          <div>
            <dt>{t('assemblies.moderation.joinCode')}</dt>
            <dd className="assembly-code" data-testid="join-code">
              {assembly.joinCode}
            </dd>
          </div>
        </dl>
        <p className="kern-body assembly-codes__hint">{t('assemblies.moderation.codesHint')}</p>
      </div>
      <h3 className="kern-heading-small">{t('assemblies.minutes.title')}</h3>
      <p className="kern-body">{t('assemblies.minutes.moderatorHint')}</p>
      <MinutesLinks assembly={assembly} />
    </Section>
  );
}

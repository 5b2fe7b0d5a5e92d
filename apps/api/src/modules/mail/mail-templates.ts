import i18next, { type TFunction } from 'i18next';
import { htmlLang, inLanguage, Language, textDirection, type ProposalStatusNote } from '@app/shared';
import ar from './locales/ar.json';
import bg from './locales/bg.json';
import deLs from './locales/de-x-ls.json';
import de from './locales/de.json';
import en from './locales/en.json';
import pl from './locales/pl.json';
import ro from './locales/ro.json';
import ru from './locales/ru.json';
import tr from './locales/tr.json';
import uk from './locales/uk.json';

export type MailTemplate =
  | 'verifyEmail'
  | 'verifyEmailAgain'
  | 'completeRegistration'
  | 'alreadyRegistered'
  | 'emailChangeTaken'
  | 'changeEmail'
  | 'resetPassword'
  | 'accountDeleted'
  | 'proposalAnswered'
  | 'proposalMerged'
  | 'applicationChanged'
  | AssemblyMailTemplate;

/** Registration mails of an assembly (they show when and where it takes place). */
export type AssemblyMailTemplate =
  'assemblyRegistered' | 'assemblyWaitlisted' | 'assemblyPromoted' | 'assemblyCancelled' | 'assemblyReminder';

/** Values a template may use; notification mails add the proposal, the public explanation and an unsubscribe link. */
export interface MailParams {
  name: string;
  link?: string;
  hours?: number;
  /** The proposal's title (notification mails). */
  title?: string;
  /** A ProposalStatus value; rendered as its label in the recipient's language. */
  status?: string;
  /** A fund application's new state (ApplicationState value); rendered as its label in the recipient's language. */
  applicationState?: string;
  /** For merges: the title of the proposal it was merged into. */
  intoTitle?: string;
  /** The public explanation, quoted as written (not translated). */
  explanation?: string | null;
  /** The platform's own explanation of the step, written in the recipient's language (`notes.<kind>`). */
  note?: ProposalStatusNote | null;
  unsubscribeLink?: string;
  /** Assembly mails: when (already formatted in the recipient's language) and where. */
  when?: string;
  place?: string;
  /** Assembly mails: place on the waiting list. */
  position?: number;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(
    Object.entries({ de, 'de-x-ls': deLs, en, tr, ar, bg, ro, pl, uk, ru } satisfies Record<Language, unknown>).map(([lang, mail]) => [
      lang,
      { mail },
    ]),
  ),
  // Leichte Sprache falls back to German (its base language), as every language does.
  supportedLngs: Object.values(Language),
  lowerCaseLng: true,
  ns: ['mail'],
  defaultNS: 'mail',
  fallbackLng: Language.German,
  initAsync: false,
  interpolation: { escapeValue: false },
});

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Renders one mail in the recipient's language as plain text and HTML. Values are
 * interpolated raw into the text part and HTML-escaped into the HTML part.
 */
export function renderMail(template: MailTemplate, language: Language, mailParams: MailParams): RenderedMail {
  const t: TFunction = i18n.getFixedT(language);
  const params = {
    ...mailParams,
    link: inLanguage(mailParams.link, language),
    unsubscribeLink: inLanguage(mailParams.unsubscribeLink, language),
  };
  const statusLabel = params.status
    ? t(`status.${params.status}`, { defaultValue: params.status })
    : params.applicationState
      ? t(`applicationStates.${params.applicationState}`, { defaultValue: params.applicationState })
      : undefined;
  const key = (k: string) =>
    t(`${template}.${k}`, {
      hours: params.hours,
      title: params.title,
      intoTitle: params.intoTitle,
      status: statusLabel,
      position: params.position,
    });
  const greeting = t('greeting', { name: params.name });
  const intro = key('intro');
  const hasAction = Boolean(params.link);
  // "1 Stunde" / "24 Stunden": the link's lifetime with its plural form.
  const expiry = params.hours !== undefined ? t(`${template}.expiry`, { hours: params.hours, count: params.hours }) : '';
  const explanation = params.explanation
    ? params.explanation
    : params.note
      ? t(`notes.${params.note.kind}`, { title: params.note.title })
      : '';
  const explanationLabel = explanation ? t('explanationLabel') : '';
  const unsubscribe = params.unsubscribeLink ? t('unsubscribe') : '';
  const details = params.when && params.place ? t('assemblyDetails', { when: params.when, place: params.place }) : '';
  const text = [
    greeting,
    '',
    intro,
    ...(details ? ['', details] : []),
    ...(explanation ? ['', explanationLabel, explanation] : []),
    ...(hasAction ? ['', params.link!] : []),
    ...(expiry ? ['', expiry] : []),
    '',
    t('signature'),
    ...(unsubscribe ? ['', unsubscribe, params.unsubscribeLink!] : []),
    '',
    '--',
    t('footer'),
  ].join('\n');
  const h = escapeHtml;
  const dir = textDirection(language);
  const quoteSide = dir === 'rtl' ? 'right' : 'left';
  const html = `<!doctype html><html lang="${htmlLang(language)}" dir="${dir}"><head><meta charset="utf-8"><title>${h(key('subject'))}</title></head>
<body style="font-family: Arial, sans-serif; color: #1b1b1b; line-height: 1.5; max-width: 40rem;">
<p>${h(greeting)}</p>
<p>${h(intro)}</p>
${details ? `<p style="white-space:pre-line;">${h(details)}</p>` : ''}
${explanation ? `<p>${h(explanationLabel)}</p><blockquote style="white-space:pre-line;border-${quoteSide}:3px solid #ccc;margin:0;padding-${quoteSide}:1rem;">${h(explanation)}</blockquote>` : ''}
${hasAction ? `<p><a href="${h(params.link!)}" style="display:inline-block;padding:.6rem 1rem;background:#0b4f8a;color:#fff;text-decoration:none;border-radius:4px;">${h(key('action'))}</a></p><p style="font-size:.9em;">${h(params.link!)}</p>` : ''}
${expiry ? `<p>${h(expiry)}</p>` : ''}
<p>${h(t('signature'))}</p>
${unsubscribe ? `<p style="font-size:.85em;">${h(unsubscribe)} <a href="${h(params.unsubscribeLink!)}">${h(params.unsubscribeLink!)}</a></p>` : ''}
<hr><p style="font-size:.85em;color:#555;">${h(t('footer'))}</p>
</body></html>`;
  return { subject: key('subject'), text, html };
}

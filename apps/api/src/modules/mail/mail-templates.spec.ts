import { intlLocale, Language, LANGUAGES, ProposalStatusNoteKind } from '@app/shared';
import { APPLICATION_STATES } from '@app/shared/funds';
import { renderMail } from './mail-templates';
import ar from './locales/ar.json';
import ru from './locales/ru.json';
import tr from './locales/tr.json';

describe('renderMail', () => {
  it('renders German and English with the link in text and HTML', () => {
    const de = renderMail('verifyEmail', Language.German, { name: 'Ayşe', link: 'https://x.example/verify-email?token=abc', hours: 48 });
    expect(de.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(de.text).toContain('Hallo Ayşe,');
    expect(de.text).toContain('https://x.example/verify-email?token=abc');
    expect(de.text).toContain('48 Stunden');
    expect(de.html).toContain('href="https://x.example/verify-email?token=abc"');
    const en = renderMail('resetPassword', Language.English, { name: 'Sam', link: 'https://x.example/reset-password?token=abc', hours: 1 });
    expect(en.subject).toBe('Reset your password');
    // Plural rules, not "hour(s)".
    expect(en.text).toContain('The link is valid for 1 hour and can be used once.');
    expect(en.text).not.toContain('(s)');
    const deOne = renderMail('resetPassword', Language.German, { name: 'Sam', link: 'https://x.example/r', hours: 1 });
    expect(deOne.text).toContain('Der Link ist 1 Stunde gültig und kann nur einmal verwendet werden.');
    expect(deOne.text).not.toContain('(n)');
    const enMany = renderMail('verifyEmail', Language.English, { name: 'Sam', link: 'https://x.example/v', hours: 48 });
    expect(enMany.text).toContain('The link is valid for 48 hours.');
  });

  it('renders every language from its own texts, Arabic right to left, Leichte Sprache as German', () => {
    const params = { name: 'Ayşe', link: 'https://x.example/verify-email?token=abc', hours: 48 };
    const subjects = new Set(LANGUAGES.map((lang) => renderMail('verifyEmail', lang, params).subject));
    // Leichte Sprache may keep the German subject; every other language has its own.
    expect(subjects.size).toBeGreaterThanOrEqual(LANGUAGES.length - 1);
    const turkish = renderMail('verifyEmail', Language.Turkish, params);
    expect(turkish.subject).toBe(tr.verifyEmail.subject);
    expect(turkish.html).toContain('<html lang="tr" dir="ltr">');
    const arabic = renderMail('verifyEmail', Language.Arabic, params);
    expect(arabic.subject).toBe(ar.verifyEmail.subject);
    expect(arabic.text).toContain(ar.greeting.replace('{{name}}', 'Ayşe'));
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.html).toContain('https://x.example/verify-email?token=abc');
    expect(renderMail('verifyEmail', Language.EasyGerman, params).html).toContain('<html lang="de" dir="ltr">');
  });

  it('chooses the plural form of the language: Russian 1, 2, 5 and 21 hours', () => {
    const forms = ru.resetPassword as Record<string, string>;
    for (const hours of [1, 2, 5, 21]) {
      const form = new Intl.PluralRules(intlLocale(Language.Russian)).select(hours);
      const mail = renderMail('resetPassword', Language.Russian, { name: 'Ира', link: 'https://x.example/r', hours });
      expect(mail.text).toContain(forms[`expiry_${form}`].replace('{{hours}}', String(hours)));
    }
  });

  it("writes the platform's note on a step in the recipient's language, the idea's title as written", () => {
    const note = { kind: ProposalStatusNoteKind.JoinedIdea, title: 'Schatten & Bänke' };
    const params = { name: 'Ayşe', title: 'Bänke', status: 'in_project_idea', note, link: 'https://x.example/p' };
    const de = renderMail('proposalAnswered', Language.German, params);
    expect(de.text).toContain('Teil der Projektidee „Schatten & Bänke“.');
    expect(de.html).toContain('Teil der Projektidee „Schatten &amp; Bänke“.');
    const en = renderMail('proposalAnswered', Language.English, params);
    expect(en.text).toContain('Part of the project idea “Schatten & Bänke”.');
    expect(en.text).not.toContain('Projektidee');
  });

  it('escapes user text in HTML but keeps it readable in plain text', () => {
    const mail = renderMail('accountDeleted', Language.German, { name: '<b>"Tom" & Jerry</b>' });
    expect(mail.html).toContain('&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>"Tom"');
    expect(mail.text).toContain('<b>"Tom" & Jerry</b>');
  });
});

describe('assembly mails', () => {
  const params = {
    name: 'Ayşe',
    title: 'Versammlung <Nordmarkt>',
    when: 'Donnerstag, 12. März 2026, 19:00–21:00 Uhr',
    place: 'Treff & Café',
    link: 'https://x.example/assemblies/1',
  };

  it('shows title, time and place in both languages, escaped in HTML', () => {
    const de = renderMail('assemblyRegistered', Language.German, params);
    expect(de.subject).toBe('Anmeldung bestätigt: „Versammlung <Nordmarkt>“');
    expect(de.text).toContain('Wann: Donnerstag, 12. März 2026, 19:00–21:00 Uhr\nWo: Treff & Café');
    expect(de.html).toContain('Treff &amp; Café');
    expect(de.html).not.toContain('<Nordmarkt>');
    expect(de.html).toContain('href="https://x.example/assemblies/1"');
    const en = renderMail('assemblyReminder', Language.English, params);
    expect(en.subject).toBe('Reminder: "Versammlung <Nordmarkt>" starts soon');
    expect(en.text).toContain('Where: Treff & Café');
  });

  it('names the place on the waiting list', () => {
    expect(renderMail('assemblyWaitlisted', Language.German, { ...params, position: 3 }).text).toContain('Platz 3 der Warteliste');
    expect(renderMail('assemblyWaitlisted', Language.English, { ...params, position: 3 }).text).toContain('number 3 on the waiting list');
  });

  it('names every state of a fund application in every language, with the public reason quoted', () => {
    for (const lang of LANGUAGES) {
      for (const state of APPLICATION_STATES) {
        const mail = renderMail('applicationChanged', lang, {
          name: 'Ayşe',
          title: 'Fest <am> Platz',
          applicationState: state,
          explanation: 'Weil das Geld begrenzt ist.',
          link: 'https://x.example/fonds/antraege/1',
        });
        expect({ lang, state, subject: mail.subject }).toEqual({ lang, state, subject: expect.stringContaining('Fest <am> Platz') });
        expect(mail.subject).not.toMatch(/applicationStates\.|applicationChanged\.|\{\{/);
        expect(mail.subject).not.toContain(`: ${state}`);
        expect(mail.text).toContain('Weil das Geld begrenzt ist.');
        expect(mail.html).toContain('Fest &lt;am&gt; Platz');
      }
    }
    expect(renderMail('applicationChanged', Language.German, { name: 'A', title: 'T', applicationState: 'approved' }).subject).toBe(
      'Ihr Antrag „T“: Bewilligt',
    );
  });
});

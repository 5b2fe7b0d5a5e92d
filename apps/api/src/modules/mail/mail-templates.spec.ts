import { Language } from '@app/shared';
import { renderMail } from './mail-templates';

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
    expect(en.text).toContain('1 hour(s)');
  });

  it('escapes user text in HTML but keeps it readable in plain text', () => {
    const mail = renderMail('accountDeleted', Language.German, { name: '<b>"Tom" & Jerry</b>' });
    expect(mail.html).toContain('&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>"Tom"');
    expect(mail.text).toContain('<b>"Tom" & Jerry</b>');
  });
});

import {
  htmlLang,
  inLanguage,
  intlLocale,
  isLanguage,
  Language,
  LANGUAGE_ENDONYMS,
  LANGUAGES,
  negotiateLanguage,
  textDirection,
} from './languages';

describe('the ten languages', () => {
  it('are the programme outreach languages, German first, each named in itself', () => {
    expect(LANGUAGES).toEqual(['de', 'de-x-ls', 'en', 'tr', 'ar', 'bg', 'ro', 'pl', 'uk', 'ru']);
    expect(LANGUAGES.map((language) => LANGUAGE_ENDONYMS[language])).toEqual([
      'Deutsch',
      'Leichte Sprache',
      'English',
      'Türkçe',
      'العربية',
      'Български',
      'Română',
      'Polski',
      'Українська',
      'Русский',
    ]);
  });

  it('declares Leichte Sprache as German for screen readers and formats it as German', () => {
    expect(htmlLang(Language.EasyGerman)).toBe('de');
    expect(htmlLang(Language.Turkish)).toBe('tr');
    expect(intlLocale(Language.EasyGerman)).toBe('de-DE');
    expect(new Intl.NumberFormat(intlLocale(Language.EasyGerman)).format(1234.5)).toBe('1.234,5');
  });

  it('writes Arabic right to left with the digits 0–9 of the city letters', () => {
    expect(textDirection(Language.Arabic)).toBe('rtl');
    expect(textDirection(Language.Turkish)).toBe('ltr');
    expect(new Intl.NumberFormat(intlLocale(Language.Arabic)).format(1250)).toMatch(/^1.?250$/u);
  });

  it.each([
    ['tr-TR,tr;q=0.9,en;q=0.8', Language.Turkish],
    ['ar-SY', Language.Arabic],
    ['fr-FR,uk;q=0.7,ru;q=0.9', Language.Russian],
    ['de-AT', Language.German],
    ['en-US,en;q=0.9', Language.English],
    ['fr-FR, *;q=0.5', null],
    ['', null],
    ['ro;q=0, pl;q=0.2', Language.Polish],
  ])('picks the best language for Accept-Language "%s"', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it('reads navigator.languages in order and chooses Leichte Sprache only when asked for by name', () => {
    expect(negotiateLanguage(['bg-BG', 'de-DE'])).toBe(Language.Bulgarian);
    expect(negotiateLanguage(['de-x-ls'])).toBe(Language.EasyGerman);
    expect(negotiateLanguage(['de-DE'])).toBe(Language.German);
    expect(negotiateLanguage(undefined)).toBeNull();
    expect(isLanguage('tr')).toBe(true);
    expect(isLanguage('TR')).toBe(false);
  });

  it('puts the language into links (mails, calendar entries, QR codes), German needing none', () => {
    expect(inLanguage('https://stadt.example/verify-email?token=abc', Language.Turkish)).toBe(
      'https://stadt.example/verify-email?token=abc&lang=tr',
    );
    expect(inLanguage('https://stadt.example/join/AB12CD?lang=en', Language.Arabic)).toBe('https://stadt.example/join/AB12CD?lang=ar');
    expect(inLanguage('https://stadt.example/x', Language.German)).toBe('https://stadt.example/x');
    expect(inLanguage(undefined, Language.Turkish)).toBeUndefined();
    expect(inLanguage('not a url', Language.Turkish)).toBe('not a url');
  });
});

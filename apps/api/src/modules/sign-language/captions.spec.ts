import { checkWebVtt } from './captions';

const vtt = (text: string) => Buffer.from(text, 'utf8');

describe('checkWebVtt', () => {
  it('accepts WebVTT with cues, identifiers, settings, notes, styles, a BOM and CRLF line ends', () => {
    expect(checkWebVtt(vtt('WEBVTT\n\n00:00.000 --> 00:02.500\nWillkommen.\n'))).toEqual({ ok: true, cues: 1 });
    const full = [
      '\uFEFFWEBVTT - Gebärdensprache',
      'Kind: captions',
      '',
      'NOTE von der Stadt geprüft',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'eins',
      '00:00:00.000 --> 00:00:04.000 line:90% align:center',
      'Willkommen auf dem Beteiligungsportal.',
      '',
      '01:00:04.000 --> 01:00:08.250',
      'Hier können Sie Vorschläge machen.',
      'Zweite Zeile.',
      '',
    ].join('\r\n');
    expect(checkWebVtt(vtt(full))).toEqual({ ok: true, cues: 2 });
  });

  it.each([
    ['a SubRip file', '1\n00:00:01,000 --> 00:00:02,000\nHallo\n', /first line must be "WEBVTT"/],
    ['an empty file', '', /first line must be "WEBVTT"/],
    ['"WEBVTTX"', 'WEBVTTX\n\n00:00.000 --> 00:01.000\nx\n', /first line/],
    ['no cue', 'WEBVTT\n\nNOTE nur ein Kommentar\n', /no cue/],
    ['a comma in a time', 'WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHallo\n', /Line 3: "00:00:01,000" is not a time/],
    ['an end before the start', 'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHallo\n', /Line 3: the cue ends before it starts/],
    ['text where a timing belongs', 'WEBVTT\n\nid\nHallo\n', /Line 3: expected a cue timing/],
    ['a cue inside the header', 'WEBVTT\n00:00.000 --> 00:01.000\n', /Line 2: a blank line must follow/],
    ['an arrow with one dash', 'WEBVTT\n\nname\n00:00.000 -> 00:01.000\nx\n', /Line 3: expected a cue timing/],
    ['a timing line with one time', 'WEBVTT\n\n00:00.000 -->\nx\n', /Line 3: expected a cue timing/],
    ['minutes over 59', 'WEBVTT\n\n00:61.000 --> 01:02.000\nx\n', /"00:61.000" is not a time/],
  ])('refuses %s and says why', (_label, text, problem) => {
    const result = checkWebVtt(vtt(text));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(problem);
  });

  it('refuses bytes that are not UTF-8, and NUL characters', () => {
    expect(checkWebVtt(Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]))).toEqual({
      ok: false,
      problem: expect.stringMatching(/not UTF-8/),
    });
    expect(checkWebVtt(vtt('WEBVTT\n\n00:00.000 --> 00:01.000\na\u0000b\n'))).toEqual({ ok: false, problem: expect.stringMatching(/NUL/) });
  });
});

import { readFileSync } from 'node:fs';
import bidiFactory from 'bidi-js';
import * as fontkit from 'fontkit';

/**
 * Text in every script the city's people write their names in: Noto Sans (Latin with its
 * extensions, Greek, Cyrillic, Vietnamese) and IBM Plex Sans Arabic, both from npm and embedded as
 * subsets. fontkit (pdfkit's font engine) shapes Arabic (joining forms, ligatures) and puts a
 * right-to-left run's glyphs in visual order, but does not order the runs of mixed text: the
 * Unicode bidirectional algorithm (bidi-js) does that, line by line, after the lines are broken
 * in logical order. IBM Plex Sans Arabic draws each letter form as one glyph (fonts that build
 * them from a shared body and dot marks, like Noto Sans Arabic, give ف and ق one glyph, which a
 * PDF's glyph-to-text map cannot tell apart), so copied or read-aloud text is what was typed.
 */
type Face = 'regular' | 'bold' | 'italic';
type Script = 'latin' | 'arabic';
export type FontName = `${Script}-${Face}`;

const FILES: Record<FontName, string> = {
  'latin-regular': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'latin-bold': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'latin-italic': '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  'arabic-regular': '@expo-google-fonts/ibm-plex-sans-arabic/400Regular/IBMPlexSansArabic_400Regular.ttf',
  'arabic-bold': '@expo-google-fonts/ibm-plex-sans-arabic/700Bold/IBMPlexSansArabic_700Bold.ttf',
  // Arabic has no italic: slanting it would be wrong, so emphasis keeps the upright face.
  'arabic-italic': '@expo-google-fonts/ibm-plex-sans-arabic/400Regular/IBMPlexSansArabic_400Regular.ttf',
};

let loaded: Record<FontName, fontkit.Font> | null = null;

/**
 * The fonts, parsed once per process: pdfkit takes a parsed font and makes its own subset per
 * document, so a document does not parse half a megabyte of tables per face again.
 */
function fonts(): Record<FontName, fontkit.Font> {
  if (!loaded) {
    const parsed = new Map<string, fontkit.Font>();
    const open = (file: string) => {
      if (!parsed.has(file)) parsed.set(file, fontkit.create(readFileSync(require.resolve(file))) as fontkit.Font);
      return parsed.get(file)!;
    };
    loaded = Object.fromEntries(Object.entries(FILES).map(([name, file]) => [name, open(file)])) as Record<FontName, fontkit.Font>;
  }
  return loaded;
}

const bidi = bidiFactory();

const visualLigatures = new WeakSet<fontkit.Glyph>();

/**
 * A right-to-left run's glyphs stand in visual order, and readers (copy and paste, screen
 * readers, pdftotext) turn such a run around to get the text; so a ligature's text (لا, في) is
 * recorded in visual order as well, else it reads reversed ("ال"). fontkit keeps one glyph object
 * per glyph of a font, whose text pdfkit maps: each is turned once.
 */
function ligaturesInVisualOrder(font: fontkit.Font, text: string): void {
  for (const glyph of font.layout(text).glyphs) {
    if (glyph.codePoints.length > 1 && !visualLigatures.has(glyph)) {
      glyph.codePoints.reverse();
      visualLigatures.add(glyph);
    }
  }
}
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const ARABIC = /\p{Script=Arabic}/u;
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;

export interface TextStyle {
  face?: Face;
  size: number;
}

interface Run {
  /** The characters as drawn (a right-to-left run of neutral characters reversed). */
  text: string;
  font: FontName;
  rtl: boolean;
  width: number;
}

export interface Line {
  /** In visual order, left to right. */
  runs: Run[];
  width: number;
}

/** One character with the font that shows it and its bidi level. */
interface Char {
  ch: string;
  script: Script;
  level: number;
}

/** Plain text for the page: NFC, control characters as spaces, glyphs neither font has as "?". */
export function cleanPdfText(text: string): string {
  const { 'latin-regular': latin, 'arabic-regular': arabic } = fonts();
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0x2028 || code === 0x2029) out += ' ';
    else if (latin.hasGlyphForCodePoint(code) || arabic.hasGlyphForCodePoint(code)) out += ch;
    else out += '?';
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Lays out and draws text in the document's registered fonts; every text on a minutes page goes through it. */
export class PdfText {
  private readonly layouts = new Map<string, Line[]>();
  private readonly widths = new Map<string, number>();

  constructor(private readonly pdf: PDFKit.PDFDocument) {
    // pdfkit's types name a path or a buffer; it takes a parsed fontkit font as well.
    for (const [name, font] of Object.entries(fonts())) pdf.registerFont(name, font as unknown as Buffer);
  }

  /** Height of the text broken into lines of at most `width`. */
  height(text: string, width: number, style: TextStyle): number {
    return this.lines(text, width, style).length * this.lineHeight(style);
  }

  /** Width of the text on one line. */
  width(text: string, style: TextStyle): number {
    return this.lines(text, Infinity, style)[0]?.width ?? 0;
  }

  /**
   * Draws the text at (x, y) within `width`; returns its height. `start` aligns a left-to-right
   * paragraph left and a right-to-left one right.
   */
  draw(text: string, x: number, y: number, width: number, style: TextStyle, align: 'start' | 'right' = 'start'): number {
    const clean = cleanPdfText(text);
    const lines = this.layout(clean, width, style);
    const lineHeight = this.lineHeight(style);
    const rtlParagraph = align === 'start' && clean !== '' && bidi.getEmbeddingLevels(clean).paragraphs[0]?.level === 1;
    // One baseline for every script on a line: the Latin font's (Arabic's ascent is taller).
    const latin = fonts()['latin-regular'];
    const ascent = (latin.ascent / latin.unitsPerEm) * style.size;
    lines.forEach((line, i) => {
      let cx = align === 'right' || rtlParagraph ? x + width - line.width : x;
      for (const run of line.runs) {
        if (run.rtl) ligaturesInVisualOrder(fonts()[run.font], run.text);
        // Arabic words in a German or English document: a screen reader switches its voice.
        const arabic = ARABIC.test(run.text);
        if (arabic) this.pdf.markContent('Span', { lang: 'ar' });
        this.pdf
          .font(run.font)
          .fontSize(style.size)
          .text(run.text, cx, y + i * lineHeight + ascent, {
            lineBreak: false,
            baseline: 'alphabetic',
            ...(run.rtl ? { features: [] } : {}),
          });
        if (arabic) this.pdf.endMarkedContent();
        cx += run.width;
      }
    });
    return lines.length * lineHeight;
  }

  lineHeight(style: TextStyle): number {
    return this.pdf
      .font(`latin-${style.face ?? 'regular'}`)
      .fontSize(style.size)
      .currentLineHeight(true);
  }

  /** The text broken into lines of at most `width`, each with its runs in visual order (left to right). */
  lines(text: string, width: number, style: TextStyle): Line[] {
    return this.layout(cleanPdfText(text), width, style);
  }

  /** Greedy line breaking at spaces in logical order (a word longer than a line is cut), then bidi per line. */
  private layout(text: string, width: number, style: TextStyle): Line[] {
    if (!text) return [];
    const key = `${style.face ?? 'regular'}|${style.size}|${width}|${text}`;
    const cached = this.layouts.get(key);
    if (cached) return cached;
    const chars = this.chars(text);
    const measure = (from: number, to: number) => this.runs(chars, from, to, style).reduce((sum, r) => sum + r.width, 0);
    // Words (chars[from, to) up to the next space) with their widths and the width of the space after them.
    const words: Array<{ from: number; to: number; width: number; space: number }> = [];
    for (let i = 0; i < chars.length;) {
      let to = i;
      while (to < chars.length && chars[to].ch !== ' ') to++;
      words.push({ from: i, to, width: measure(i, to), space: to < chars.length ? measure(to, to + 1) : 0 });
      i = to + 1;
    }
    const ranges: Array<[number, number]> = [];
    let line: { from: number; to: number; width: number; space: number } | null = null;
    for (const word of words) {
      if (line && line.width + line.space + word.width <= width) {
        line = { from: line.from, to: word.to, width: line.width + line.space + word.width, space: word.space };
        continue;
      }
      if (line) ranges.push([line.from, line.to]);
      line = word;
      // A word wider than the line: as many characters per line as fit (at least one).
      while (line.width > width && line.to - line.from > 1) {
        let cut: number = line.from + 1;
        while (cut + 1 < line.to && measure(line.from, cut + 1) <= width) cut++;
        ranges.push([line.from, cut]);
        line = { from: cut, to: line.to, width: measure(cut, line.to), space: line.space };
      }
    }
    if (line) ranges.push([line.from, line.to]);
    const lines = ranges.map(([from, to]) => {
      const runs = this.visualOrder(this.runs(chars, from, to, style));
      return { runs, width: runs.reduce((sum, r) => sum + r.width, 0) };
    });
    this.layouts.set(key, lines);
    return lines;
  }

  /** Each character's script (a neutral one, like a space, keeps the script before it) and bidi level. */
  private chars(text: string): Char[] {
    const { 'latin-regular': latin, 'arabic-regular': arabic } = fonts();
    const { levels } = bidi.getEmbeddingLevels(text);
    const chars: Char[] = [];
    let unit = 0;
    let previous = 'latin' as Script;
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      const script: Script =
        ARABIC.test(ch) || !latin.hasGlyphForCodePoint(code)
          ? 'arabic'
          : NEUTRAL.test(ch) && previous === 'arabic' && arabic.hasGlyphForCodePoint(code)
            ? 'arabic'
            : 'latin';
      chars.push({ ch, script, level: levels[unit] });
      previous = script;
      unit += ch.length;
    }
    return chars;
  }

  /** The runs of chars[from, to) in logical order: same script and same level. */
  private runs(chars: Char[], from: number, to: number, style: TextStyle): Array<Run & { level: number }> {
    const runs: Array<Run & { level: number }> = [];
    let i = from;
    while (i < to) {
      let j = i + 1;
      while (j < to && chars[j].script === chars[i].script && chars[j].level === chars[i].level) j++;
      const rtl = chars[i].level % 2 === 1;
      let text = chars
        .slice(i, j)
        .map((c) => c.ch)
        .join('');
      // fontkit orders a run in a right-to-left script itself; neutral characters between RTL text are reversed (and mirrored) here.
      if (rtl && !RTL_SCRIPT.test(text))
        text = [...text]
          .reverse()
          .map((c) => bidi.getMirroredCharacter(c) ?? c)
          .join('');
      const font: FontName = `${chars[i].script}-${style.face ?? 'regular'}`;
      const key = `${font}|${style.size}|${rtl}|${text}`;
      let width = this.widths.get(key);
      if (width === undefined) {
        width = this.pdf
          .font(font)
          .fontSize(style.size)
          .widthOfString(text, rtl ? { features: [] } : {});
        this.widths.set(key, width);
      }
      runs.push({ text, font, rtl, width, level: chars[i].level });
      i = j;
    }
    return runs;
  }

  /** Rule L2 of the bidi algorithm on runs: from the highest level down to the lowest odd one, reverse each sequence at that level or higher. */
  private visualOrder(runs: Array<Run & { level: number }>): Run[] {
    const out = [...runs];
    const levels = out.map((r) => r.level);
    const highest = Math.max(...levels);
    const lowestOdd = Math.min(...levels.map((l) => (l % 2 ? l : l + 1)));
    for (let level = highest; level >= lowestOdd; level--) {
      let i = 0;
      while (i < out.length) {
        if (out[i].level < level) {
          i++;
          continue;
        }
        let j = i;
        while (j < out.length && out[j].level >= level) j++;
        out.splice(i, j - i, ...out.slice(i, j).reverse());
        i = j;
      }
    }
    return out;
  }
}

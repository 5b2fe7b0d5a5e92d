import PDFDocument from 'pdfkit';
import { create as createQr } from 'qrcode';
import { printedCardCode } from './card-code';

/**
 * A printable A4 sheet of personal code cards (check-in cards of an assembly, voting codes of a
 * fund's online vote): eight per page with dashed cutting lines, each with a heading, a line below
 * it, the card's label in German and English, its QR code (a link with the code) and the short code,
 * and one line of instruction in German with English below.
 */
export interface CodeSheet {
  /** The PDF's document title. */
  documentTitle: string;
  heading: string;
  subheading: string;
  /** Instruction in German, then in English. */
  instruction: string;
  instructionEn: string;
  cards: Array<{ code: string; url: string; label: string; labelEn: string }>;
}

const COLUMNS = 2;
const ROWS = 4;
const MARGIN = 24;
const PAD = 12;
const QR_SIZE = 90;

/** Latin-1 (and the euro sign) only: the standard PDF fonts show nothing else; the rest becomes "?". */
export function latin1(text: string): string {
  return [...text.normalize('NFC')].map((c) => (c.charCodeAt(0) <= 0xff || c === '€' || c === '–' ? c : '?')).join('');
}

/** The QR code as filled squares (vector, sharp at any print size). */
function drawQr(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = createQr(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / count;
  pdf.save().fillColor('#000000');
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++) if (qr.modules.get(row, col)) pdf.rect(x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
  pdf.fill().restore();
}

export function renderCodeSheet(sheet: CodeSheet): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    // Every position is set by hand; without page margins no text near the bottom starts a new page.
    margin: 0,
    lang: 'de-DE',
    displayTitle: true,
    info: { Title: latin1(sheet.documentTitle), Creator: 'Soziale Stadt', Producer: 'Soziale Stadt' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = (pdf.page.width - 2 * MARGIN) / COLUMNS;
  const height = (pdf.page.height - 2 * MARGIN) / ROWS;
  const heading = latin1(sheet.heading);
  const where = latin1(sheet.subheading);

  sheet.cards.forEach((card, i) => {
    const slot = i % (COLUMNS * ROWS);
    if (i > 0 && slot === 0) pdf.addPage();
    if (slot === 0) cuttingLines(pdf, width, height);
    const x = MARGIN + (slot % COLUMNS) * width + PAD;
    const y = MARGIN + Math.floor(slot / COLUMNS) * height + PAD;
    const inner = width - 2 * PAD;
    pdf.fillColor('#000000').font('Helvetica-Bold').fontSize(10).text(heading, x, y, { width: inner, height: 24, ellipsis: true });
    pdf
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#333333')
      .text(where, x, y + 24, { width: inner, height: 10, ellipsis: true });
    drawQr(pdf, card.url, x, y + 38, QR_SIZE);
    const right = x + QR_SIZE + 10;
    const rightWidth = inner - QR_SIZE - 10;
    pdf
      .fillColor('#000000')
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(latin1(card.label), right, y + 40, { width: rightWidth });
    pdf
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#333333')
      .text(latin1(card.labelEn), right, y + 52, { width: rightWidth });
    pdf
      .font('Courier-Bold')
      .fontSize(15)
      .fillColor('#000000')
      .text(printedCardCode(card.code), right, y + 68, { width: rightWidth });
    pdf
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#000000')
      .text(latin1(sheet.instruction), x, y + 136, { width: inner });
    pdf
      .fontSize(6.5)
      .fillColor('#444444')
      .text(latin1(sheet.instructionEn), x, pdf.y + 2, { width: inner });
  });
  pdf.end();
  return done;
}

function cuttingLines(pdf: PDFKit.PDFDocument, width: number, height: number): void {
  pdf.save().lineWidth(0.5).strokeColor('#888888').dash(4, { space: 3 });
  for (let c = 0; c <= COLUMNS; c++) pdf.moveTo(MARGIN + c * width, MARGIN).lineTo(MARGIN + c * width, MARGIN + ROWS * height);
  for (let r = 0; r <= ROWS; r++) pdf.moveTo(MARGIN, MARGIN + r * height).lineTo(MARGIN + COLUMNS * width, MARGIN + r * height);
  pdf.stroke().undash().restore();
}

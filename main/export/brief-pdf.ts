/**
 * A deal brief's Markdown as a printable PDF (pdfkit): headings, bullets and the BANT/checklist
 * tables laid out as rows. DejaVu Sans is used where the system has it (it has ✓ ✗ and most
 * scripts); otherwise PDF's built-in Helvetica, whose WinAnsi alphabet cannot show those marks, so
 * they are spelled out.
 */
import { createWriteStream, existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/Library/Fonts'];

function systemFont(): { regular: string; bold: string } | null {
  for (const dir of FONT_DIRS) {
    const regular = `${dir}/DejaVuSans.ttf`;
    const bold = `${dir}/DejaVuSans-Bold.ttf`;
    if (existsSync(regular) && existsSync(bold)) return { regular, bold };
  }
  return null;
}

/** What Helvetica can print: marks spelled out, anything outside Latin-1 and WinAnsi's extras as "?". */
export function winAnsi(text: string): string {
  return text
    .replace(/✓/g, 'yes')
    .replace(/[✗✕]/g, 'no')
    .replace(/→/g, '->')
    .replace(/[^\x20-\x7e\xa0-\xff–—‘’“”•…€]/g, '?');
}

/** Markdown emphasis and escapes removed: the PDF shows the words. */
function plain(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1$2')
    .replace(/\\([\\`*_[\]<>|#])/g, '$1');
}

function tableCells(line: string): string[] {
  return line
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => plain(c.trim()));
}

type Doc = InstanceType<typeof PDFDocument>;

function writeLine(
  doc: Doc,
  line: string,
  fonts: { regular: string; bold: string },
  text: (s: string) => string,
) {
  if (/^#\s/.test(line))
    doc
      .font(fonts.bold)
      .fontSize(16)
      .text(text(plain(line.slice(2))));
  else if (/^##\s/.test(line))
    doc
      .moveDown(0.4)
      .font(fonts.bold)
      .fontSize(12)
      .text(text(plain(line.slice(3))));
  else if (/^\|\s*-/.test(line) || /^\|---/.test(line)) return;
  else if (line.startsWith('|'))
    doc
      .font(fonts.regular)
      .fontSize(9)
      .text(text(tableCells(line).join('  ·  ')));
  else if (line.startsWith('- '))
    doc
      .font(fonts.regular)
      .fontSize(10)
      .text(`• ${text(plain(line.slice(2)))}`, { indent: 8 });
  else if (line === '---') doc.addPage();
  else if (line.trim() === '') doc.moveDown(0.3);
  else
    doc
      .font(fonts.regular)
      .fontSize(10)
      .text(text(plain(line)));
}

/** Writes the Markdown of one or more briefs (pages split at `---`) to a PDF file; resolves with its size. */
export function writeBriefPdf(markdown: string, path: string): Promise<number> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: 'Deal brief', Creator: 'Lead Studio' },
  });
  const found = systemFont();
  const fonts = found ?? { regular: 'Helvetica', bold: 'Helvetica-Bold' };
  const text = found ? (s: string) => s : winAnsi;
  const out = createWriteStream(path);
  doc.pipe(out);
  for (const line of markdown.split('\n')) writeLine(doc, line, fonts, text);
  doc.end();
  return new Promise((resolve, reject) => {
    out.on('finish', () => resolve(out.bytesWritten));
    out.on('error', reject);
  });
}

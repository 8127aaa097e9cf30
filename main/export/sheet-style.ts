/** Fonts, fills and number formats shared by the Summary and tier sheets. */
import type ExcelJS from 'exceljs';
import type { ColumnKind } from './lead-columns';

export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
export const HEADER_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'middle' };
export const HEADER_BORDER: Partial<ExcelJS.Borders> = {
  bottom: { style: 'thin', color: { argb: 'FF0B2540' } },
};

export const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 16, color: { argb: 'FF1F4E78' } };
export const SECTION_FONT: Partial<ExcelJS.Font> = { bold: true, size: 12, color: { argb: 'FF1F4E78' } };
export const LABEL_FONT: Partial<ExcelJS.Font> = { bold: true };
export const NOTE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF595959' } };
export const WARN_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

export const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
export const PASS_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF006100' } };
export const FAIL_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

export const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  int: '#,##0',
  money: '"$"#,##0',
  decimal: '0.00',
};

export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = HEADER_FONT;
  cell.fill = HEADER_FILL;
  cell.alignment = HEADER_ALIGNMENT;
  cell.border = HEADER_BORDER;
}

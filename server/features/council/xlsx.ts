import ExcelJS from 'exceljs';
import type { Summary } from '../summaries/summary.ts';
import { messages } from './messages.ts';

const t = messages.council.xlsx;

export interface WorkbookOptions {
  /** The sheet's title line: the summary's name, учебный год and grouping. */
  title: string;
  /** K: the smallest group a number may describe, for the sheet that explains suppression. */
  minGroup: number;
}

/**
 * A summary as an Excel workbook that opens without import settings: the first sheet has the Russian
 * headers and one row per summary row, every number a numeric cell (a share stays a number of percent,
 * with one decimal shown), a suppressed value the text «скрыто»; the second sheet says why some are hidden.
 * Text that a spreadsheet would run as a formula stays text: exceljs writes strings as strings.
 */
export async function summaryWorkbook(summary: Summary, options: WorkbookOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = messages.adminPages.product;
  const sheet = workbook.addWorksheet(t.dataSheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([options.title]).font = { bold: true };
  const header = sheet.addRow(summary.columns.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const row of summary.rows) {
    sheet.addRow(
      summary.columns.map(({ key }) => {
        if (row.suppressed.includes(key)) return messages.reports.suppressedCell;
        const value = row.values[key];
        return value === null || value === undefined ? null : value;
      }),
    );
  }
  summary.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.min(40, Math.max(12, column.header.length / 2 + 4));
    if (column.key.endsWith('Share') || column.key.startsWith('mean') || column.key.endsWith('Growth') || column.key === 'growth') sheetColumn.numFmt = '0.0';
  });
  const about = workbook.addWorksheet(t.aboutSheet);
  about.getColumn(1).width = 110;
  for (const line of t.about(options.minGroup)) about.addRow([line]).alignment = { wrapText: true, vertical: 'top' };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

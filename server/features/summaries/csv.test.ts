import { describe, expect, it } from 'vitest';
import { csvChunks, jsonChunks, neutralise, rowsPerChunk } from './csv.ts';
import type { Summary, SummaryRow } from './summary.ts';

const columns = [
  { key: 'school', header: 'Школа' },
  { key: 'scored', header: 'С результатом' },
  { key: 'growth', header: 'Рост, баллов' },
];

function summaryOf(rows: SummaryRow[]): Summary {
  return { columns, rows };
}

const row = (school: string, scored: number | null, growth: number | null, suppressed: string[] = []): SummaryRow => ({
  values: { school, scored, growth },
  suppressed,
});

const csv = (summary: Summary, excel: boolean) => [...csvChunks(summary, { excel })].join('');

describe('the summaries as CSV', () => {
  it('writes what Russian Excel opens as a table: BOM, semicolons, CRLF, decimal commas', () => {
    expect(csv(summaryOf([row('Школа № 1', 12, 3.5), row('Школа № 2', 7, -1.2)]), true)).toBe(
      '\uFEFFШкола;С результатом;Рост, баллов\r\nШкола № 1;12;3,5\r\nШкола № 2;7;-1,2\r\n',
    );
  });

  it('writes plain RFC 4180 for programs: no BOM, commas, decimal points, quotes where needed', () => {
    expect(csv(summaryOf([row('Школа № 1', 12, 3.5)]), false)).toBe('Школа,С результатом,"Рост, баллов"\r\nШкола № 1,12,3.5\r\n');
  });

  it('writes «скрыто» for a suppressed count and nothing for a missing value', () => {
    expect(csv(summaryOf([row('Школа № 2', null, null, ['scored'])]), true)).toBe('\uFEFFШкола;С результатом;Рост, баллов\r\nШкола № 2;скрыто;\r\n');
  });

  it('quotes a name holding the delimiter, a quote or a line break', () => {
    const written = csv(summaryOf([row('МБОУ «СОШ»; "Лицей"\nкорпус 2', 5, 0)]), true);
    expect(written.split('\r\n')[1]).toBe('"МБОУ «СОШ»; ""Лицей""\nкорпус 2";5;0');
  });

  it('keeps a name that a spreadsheet would run as a formula as text, but a negative number as a number', () => {
    const written = csv(summaryOf([row('=HYPERLINK("http://evil.example")', 5, -2)]), true);
    expect(written.split('\r\n')[1]).toBe('"\'=HYPERLINK(""http://evil.example"")";5;-2');
  });

  it('yields the header, then at most rowsPerChunk rows a chunk', () => {
    const rows = Array.from({ length: rowsPerChunk + 1 }, (_, i) => row(`Школа № ${i + 1}`, i, null));
    const chunks = [...csvChunks(summaryOf(rows), { excel: false })];
    expect(chunks.map((chunk) => chunk.split('\r\n').length - 1)).toEqual([1, rowsPerChunk, 1]);
  });
});

describe('formula neutralising', () => {
  it('prefixes an apostrophe to text starting with =, +, -, @, a tab or a CR, and to nothing else', () => {
    expect(['=1+1', '+7 999', '-5', '@SUM(A1)', '\tx', '\rx'].map(neutralise)).toEqual(["'=1+1", "'+7 999", "'-5", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(['Школа № 1', ' =1', '', "'=1"].map(neutralise)).toEqual(['Школа № 1', ' =1', '', "'=1"]);
  });
});

describe('the summaries as JSON', () => {
  it('streams one document with the head, the columns and every row with its suppressed keys', () => {
    const rows = Array.from({ length: rowsPerChunk + 2 }, (_, i) => row(`Школа № ${i + 1}`, i === 0 ? null : i, 1.5, i === 0 ? ['scored'] : []));
    const document = JSON.parse([...jsonChunks(summaryOf(rows), { period: '2025-2026', k: 5 })].join(''));
    expect(document.period).toBe('2025-2026');
    expect(document.k).toBe(5);
    expect(document.columns).toEqual(columns);
    expect(document.rows).toHaveLength(rowsPerChunk + 2);
    expect(document.rows[0]).toEqual({ school: 'Школа № 1', scored: null, growth: 1.5, suppressed: ['scored'] });
    expect(document.rows.at(-1)).toEqual({ school: `Школа № ${rowsPerChunk + 2}`, scored: rowsPerChunk + 1, growth: 1.5, suppressed: [] });
  });

  it('is a valid document when there are no rows', () => {
    expect(JSON.parse([...jsonChunks(summaryOf([]), { period: '2025-2026' })].join(''))).toEqual({ period: '2025-2026', columns, rows: [] });
  });
});

import { ImportErrorCode } from '@app/shared';
import { parseIndicatorCsv, sniffDelimiter } from './csv-import';
import { formatScaled, parseDecimal, parseInputDecimal } from './decimal';

describe('exact decimals', () => {
  it.each([
    ['12.5', '.', 125000],
    ['-0.25', '.', -2500],
    ['0.0001', '.', 1],
    ['12.50000', '.', 125000],
    ['12,5', ',', 125000],
    ['580.511', ',', 5805110000],
    ['1.234,5', ',', 12345000],
    [' 1 234,5 ', ',', 12345000],
  ] as const)('%s with %s → %d', (text, sep, scaled) => {
    expect(parseDecimal(text, sep)).toEqual({ ok: true, scaled });
  });

  it.each([
    ['abc', '.', ImportErrorCode.NotANumber],
    ['1,5', '.', ImportErrorCode.NotANumber],
    ['12.34.5', ',', ImportErrorCode.NotANumber],
    ['1.23456', '.', ImportErrorCode.TooManyDecimals],
    ['100000000001', '.', ImportErrorCode.ValueOutOfRange],
    ['', '.', ImportErrorCode.NotANumber],
  ] as const)('%s with %s is refused (%s)', (text, sep, code) => {
    expect(parseDecimal(text, sep)).toEqual(expect.objectContaining({ ok: false, code }));
  });

  it('round-trips without float drift and refuses binary noise', () => {
    for (const text of ['0.1', '0.3', '13.2', '-7.0001', '580511'])
      expect(formatScaled((parseDecimal(text, '.') as { scaled: number }).scaled)).toBe(text.replace(/\.?0+$/, '') || '0');
    expect(parseInputDecimal(0.3)).toEqual({ ok: true, scaled: 3000 });
    expect(parseInputDecimal(0.1 + 0.2)).toEqual(expect.objectContaining({ ok: false, code: ImportErrorCode.TooManyDecimals }));
    expect(parseInputDecimal(1e21)).toEqual(expect.objectContaining({ ok: false, code: ImportErrorCode.ValueOutOfRange }));
  });
});

describe('indicator CSV parsing', () => {
  const lookups = { areas: new Map([['ar-hafen', 'A1']]), indicators: new Map([['quote', 'I1']]), maxYear: 2024 };

  it('sniffs the delimiter from the header line', () => {
    expect(sniffDelimiter('Gebiet;Indikator;Jahr;Wert\n')).toBe(';');
    expect(sniffDelimiter('\n\narea,indicator,year,value\n')).toBe(',');
    expect(sniffDelimiter('area\tindicator\tyear\tvalue')).toBe('\t');
    expect(sniffDelimiter('"a;b",c,d')).toBe(',');
  });

  it('reads the German dialect with thousands dots, and a point-decimal semicolon file', () => {
    const de = parseIndicatorCsv('\ufeffGebiet;Indikator;Jahr;Wert\r\nstadt;quote;2020;580.511\r\nar-hafen;quote;2020;12,5\r\n', lookups);
    expect(de.errors).toEqual([]);
    expect(de).toEqual(expect.objectContaining({ delimiter: ';', decimalSeparator: ',', rowCount: 2 }));
    expect(de.rows.map((r) => [r.areaId, r.scaled])).toEqual([
      [null, 5805110000],
      ['A1', 125000],
    ]);
    const point = parseIndicatorCsv('area;indicator;year;value\nar-hafen;quote;2020;12.5\n', lookups);
    expect(point.decimalSeparator).toBe('.');
    expect(point.rows[0].scaled).toBe(125000);
  });
});

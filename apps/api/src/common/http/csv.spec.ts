import { parse } from 'csv-parse/sync';
import { neutraliseFormulas, writeCsv, writeCsvRecords } from './csv';

describe('neutraliseFormulas', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+SUM(1,2)', `'+SUM(1,'2)`.replace(",'2", ',2')],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t'=1+1`],
    ['\rcmd', `'\rcmd`],
    ['＝HYPERLINK("x")', `'＝HYPERLINK("x")`],
    ['＋1', `'＋1`],
    ['－1', `'－1`],
    ['＠SUM(1)', `'＠SUM(1)`],
    ['  =1+1', `'  =1+1`],
    ['\u00a0\u3000=1+1', `'\u00a0\u3000=1+1`],
  ])('marks a formula start at the start of the cell: %j', (input, expected) => {
    expect(neutraliseFormulas(input)).toBe(expected);
  });

  it.each([
    ['Bänke;=HYPERLINK("x")', `Bänke;'=HYPERLINK("x")`],
    ['Bänke,＝1', `Bänke,'＝1`],
    ['eins\n- zwei\r\n@drei', `eins\n'- zwei\r\n'@drei`],
    ['a; =1', `a;' =1`],
    ['a\t+1x', `a\t'+1x`],
  ])('marks a formula start after a separator or line break, where another reading starts a cell: %j', (input, expected) => {
    expect(neutraliseFormulas(input)).toBe(expected);
  });

  it.each(['Mehr Bänke am Nordmarkt', '-1.5', '+3', '42', 'a - b', 'E-Mail: a@b.de', 'Tempo 30; mehr Grün', '2026-11-20', ''])(
    'leaves text and plain numbers alone: %j',
    (input) => {
      expect(neutraliseFormulas(input)).toBe(input);
    },
  );
});

describe('writeCsv', () => {
  it('writes a header, CRLF rows and quotes cells with either separator, quotes or line breaks', () => {
    const csv = writeCsv(
      ['title', 'n', 'flag', 'when', 'list', 'none'],
      [
        ['a;b', 1.5, true, new Date('2026-01-02T03:04:05Z'), ['x', 'y'], null],
        ['say "hi"', -2, false, null, [], undefined],
        ['zwei\nZeilen', 0, true, null, ['=1'], ''],
      ],
    );
    expect(csv.split('\r\n')[0]).toBe('title,n,flag,when,list,none');
    expect(csv).toContain('"a;b",1.5,true,2026-01-02T03:04:05.000Z,x y,\r\n');
    expect(csv).toContain('"say ""hi""",-2,false,,,\r\n');
    expect(csv).toContain(`"zwei\nZeilen",0,true,,'=1,\r\n`);
  });

  it('writes semicolon files with the same rule, quoting commas too', () => {
    const csv = writeCsv(['a', 'b'], [['x,=1', '=2']], { delimiter: ';' });
    expect(csv).toBe(`a;b\r\n"x,'=1";'=2\r\n`);
    expect(parse(csv, { delimiter: ';' })).toEqual([
      ['a', 'b'],
      ["x,'=1", "'=2"],
    ]);
  });

  it('names its columns even without rows, and writes records in the order of the columns', () => {
    expect(writeCsv(['a', 'b'], [])).toBe('a,b\r\n');
    expect(writeCsvRecords<{ b: string; a: number }>(['a', 'b'], [{ b: '@x', a: 1 }])).toBe(`a,b\r\n1,'@x\r\n`);
  });
});

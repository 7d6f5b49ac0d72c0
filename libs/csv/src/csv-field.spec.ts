import { parse } from 'csv-parse/sync';
import { csvField } from './csv-field';

describe('csvField', () => {
  it('quotes separators, double quotes and line breaks (RFC 4180) and doubles embedded quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
  });

  it('quotes every defused cell, and a parser reads back exactly the defused text', () => {
    const values = ['=HYPERLINK("http://evil","x")', '-1+1', '\t=1+1', '\r=1+1', 'ok'];
    const line = values.map((v) => csvField(v)).join(',');
    expect(line).toBe(`"'=HYPERLINK(""http://evil"",""x"")","'-1+1","'\t=1+1","'\r=1+1",ok`);
    expect(parse(`${line}\r\n`)).toEqual([
      ['\'=HYPERLINK("http://evil","x")', "'-1+1", "'\t=1+1", "'\r=1+1", 'ok'],
    ]);
  });

  it('leaves numbers of numeric columns bare', () => {
    expect([-3, '-3', 2.5, '0.25'].map((v) => csvField(v, { numeric: true }))).toEqual([
      '-3',
      '-3',
      '2.5',
      '0.25',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { csvBlob, linksCsv, linksFileName } from './links-csv';

const item = (participantCode: string, url: string, sessionNumber: number | null = null) => ({
  id: `i-${participantCode}`,
  participantId: `p-${participantCode}`,
  participantCode,
  timepointId: 'tp-1',
  sessionNumber,
  status: 'open' as const,
  expiresAt: '2026-12-29T08:00:00.000Z',
  createdAt: '2026-11-29T08:00:00.000Z',
  url,
});

describe('linksCsv', () => {
  it('writes one row per link under a fixed header, CRLF line ends', () => {
    const csv = linksCsv(
      { items: [item('P-1', 'https://klik.test/take/abc'), item('P-2', 'https://klik.test/take/def', 3)] },
      'baseline',
    );
    expect(csv).toBe(
      'code,timepoint,session,link,expires_at\r\n' +
        'P-1,baseline,,https://klik.test/take/abc,2026-12-29T08:00:00.000Z\r\n' +
        'P-2,baseline,3,https://klik.test/take/def,2026-12-29T08:00:00.000Z\r\n',
    );
  });

  it('quotes values holding a separator, quote or line break', () => {
    const csv = linksCsv({ items: [item('A,1', 'https://x.test/take/"q"')] }, 'end');
    expect(csv.split('\r\n')[1]).toBe('"A,1",end,,"https://x.test/take/""q""",2026-12-29T08:00:00.000Z');
  });

  it('defuses participant codes and timepoint keys that a spreadsheet would run as a formula, quoted', () => {
    const csv = linksCsv(
      {
        items: [
          item("-2+3+cmd|' /C calc'!A0", 'https://x.test/take/a', 2),
          item('=HYPERLINK("http://evil","x")', 'https://x.test/take/b'),
          item('@SUM(1+1)', 'https://x.test/take/c'),
          item('+31 6 1234', 'https://x.test/take/d'),
          item('\t=1+1', 'https://x.test/take/e'),
          item('\r=1+1', 'https://x.test/take/f'),
          item('P-18-24', 'https://x.test/take/g'),
        ],
      },
      '-1+1',
    );
    const expires = '2026-12-29T08:00:00.000Z';
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `"'-2+3+cmd|' /C calc'!A0","'-1+1",2,https://x.test/take/a,${expires}`,
      `"'=HYPERLINK(""http://evil"",""x"")","'-1+1",,https://x.test/take/b,${expires}`,
      `"'@SUM(1+1)","'-1+1",,https://x.test/take/c,${expires}`,
      `"'+31 6 1234","'-1+1",,https://x.test/take/d,${expires}`,
      `"'\t=1+1","'-1+1",,https://x.test/take/e,${expires}`,
      `"'\r=1+1","'-1+1",,https://x.test/take/f,${expires}`,
      `P-18-24,"'-1+1",,https://x.test/take/g,${expires}`,
    ]);
  });

  it('makes a UTF-8 CSV file with a byte-order mark', async () => {
    const blob = csvBlob('code\r\nP-ü\r\n');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(
      await new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(blob);
      }),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('code\r\nP-ü\r\n');
  });

  it('names the file after the study, timepoint and session', () => {
    expect(linksFileName('Alliance & disclosure: pilot', 'session', 4)).toBe(
      'alliance-disclosure-pilot-session-session-4-links.csv',
    );
    expect(linksFileName('***', 'baseline', null)).toBe('study-baseline-links.csv');
  });
});

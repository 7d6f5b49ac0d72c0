import { compareVersions } from '../model/version';
import {
  getInstrument,
  isInstrumentId,
  listInstruments,
  resolveInstrument,
  UnknownInstrumentError,
} from './registry';

describe('instrument catalogue', () => {
  it('lists the fifteen instruments, latest versions', () => {
    expect(listInstruments().map((instrument) => instrument.id)).toEqual([
      'klik-alliance',
      'klik-disclosure',
      'klik-session-log',
      'klik-checkin',
      'phq-9',
      'gad-7',
      'k10',
      'wai-sr',
      'core-10',
      'ors',
      'srs',
      'oq-45',
      'mhc-sf',
      'qpr-15',
      'bat-23',
    ]);
  });

  it('gets a version, or the latest without one', () => {
    expect(getInstrument('phq-9', '1.0.0').version).toBe('1.0.0');
    expect(getInstrument('phq-9')).toBe(getInstrument('phq-9', '1.1.0'));
    expect(resolveInstrument({ id: 'gad-7', version: '1.0.0' }).id).toBe('gad-7');
  });

  it('the latest of every standard instrument is 1.1.0 (issue 12); 1.0.0 stays registered', () => {
    const standard = [
      'phq-9',
      'gad-7',
      'k10',
      'wai-sr',
      'core-10',
      'ors',
      'srs',
      'oq-45',
      'mhc-sf',
      'qpr-15',
      'bat-23',
    ];
    for (const id of standard) {
      expect({ id, latest: getInstrument(id).version }).toEqual({ id, latest: '1.1.0' });
      expect(getInstrument(id, '1.0.0').scoring.scoringVersion).toBe('1.0.0');
    }
    expect(listInstruments().map((instrument) => `${instrument.id}@${instrument.version}`)).toContain(
      'k10@1.1.0',
    );
    expect(listInstruments({ allVersions: true })).toHaveLength(4 + 11 * 2);
  });

  it('throws UnknownInstrumentError for an unknown id or version', () => {
    expect(() => getInstrument('phq-8')).toThrow(UnknownInstrumentError);
    expect(() => getInstrument('phq-9', '9.9.9')).toThrow('Unknown instrument version phq-9@9.9.9');
    expect(() => getInstrument('constructor')).toThrow(UnknownInstrumentError);
    expect(isInstrumentId('toString')).toBe(false);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('2', '2.0.0')).toBe(0);
    expect(compareVersions('1.0.0', '1.0.1')).toBeLessThan(0);
  });
});

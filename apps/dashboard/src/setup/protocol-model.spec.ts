import { describe, expect, it } from 'vitest';
import { draftFromProtocol, moveItem, protocolBody, respondentOf } from './protocol-model';
import { catalog, setupProtocol } from './setup-fixtures';

describe('protocol model', () => {
  it('round-trips a saved protocol into the PUT body', () => {
    const draft = draftFromProtocol(setupProtocol.timepoints);
    expect(protocolBody(draft, ['nl', 'en'])).toEqual([
      {
        key: 'baseline',
        label: { nl: 'Voormeting', en: 'Baseline' },
        kind: 'baseline',
        offsetDays: 0,
        instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
      },
    ]);
  });

  it('leaves out labels of languages the study does not use, and offsets of session timepoints', () => {
    const [timepoint] = draftFromProtocol(setupProtocol.timepoints);
    const body = protocolBody(
      [{ ...timepoint, kind: 'session', offsetDays: '3', label: { nl: ' x ', en: 'y' } }],
      ['nl'],
    );
    expect(body[0]).toEqual({
      key: 'baseline',
      label: { nl: 'x' },
      kind: 'session',
      instruments: [{ instrumentId: 'phq-9', instrumentVersion: '1.0.0', respondent: 'client' }],
    });
  });

  it('passes an empty offset as null and an unchosen instrument as empty, for the API to name', () => {
    const [timepoint] = draftFromProtocol(setupProtocol.timepoints);
    const body = protocolBody(
      [{ ...timepoint, offsetDays: ' ', instruments: [{ uid: 1, choice: '', respondent: 'client' }] }],
      ['nl', 'en'],
    );
    expect(body[0]?.offsetDays).toBeNull();
    expect(body[0]?.instruments).toEqual([{ instrumentId: '', instrumentVersion: '', respondent: 'client' }]);
  });

  it('takes the respondent from the catalogue', () => {
    expect(respondentOf('klik-session-log@1.0.0', catalog)).toBe('practitioner');
    expect(respondentOf('phq-9@1.0.0', catalog)).toBe('client');
    expect(respondentOf('nope@1', catalog)).toBeNull();
  });

  it('moves items within bounds only', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

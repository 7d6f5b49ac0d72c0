import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, apiQuery, readAddress, writeAddress } from './analysis-query';

describe('readAddress', () => {
  it('reads the view, the filters and the options', () => {
    const address = readAddress(
      '?view=change&cohortId=c1&timepointId=t1&practitionerId=p1&instrumentVersion=1.0.0&instrument=gad-7&method=kendall&x=phq9.end',
    );
    expect(address.view).toBe('change');
    expect(address.filters).toEqual({
      cohortId: 'c1',
      timepointId: 't1',
      practitionerId: 'p1',
      instrumentVersion: '1.0.0',
    });
    expect(address.options).toEqual({
      ...DEFAULT_OPTIONS,
      instrument: 'gad-7',
      method: 'kendall',
      scatterX: 'phq9.end',
    });
  });

  it('falls back to the defaults for unknown views and values, and ignores empty filters', () => {
    const address = readAddress('?view=nope&method=magic&adjust=&instrument=k10&cohortId=', 'alerts');
    expect(address.view).toBe('alerts');
    expect(address.filters).toEqual({});
    expect(address.options).toEqual(DEFAULT_OPTIONS);
  });
});

describe('writeAddress', () => {
  it('round-trips and leaves defaults out of the link', () => {
    const address = readAddress('?view=scatter&cohortId=c1&y=gad7.change');
    expect(writeAddress(address)).toBe('?view=scatter&cohortId=c1&y=gad7.change');
    expect(readAddress(writeAddress(address))).toEqual(address);
    expect(writeAddress(readAddress(''))).toBe('?view=correlations');
  });
});

describe('apiQuery', () => {
  it('puts the set filters and the analysis parameters in the API query', () => {
    expect(apiQuery({ cohortId: 'c 1', timepointId: undefined }, { instrument: 'phq-9', x: undefined })).toBe(
      '?cohortId=c+1&instrument=phq-9',
    );
    expect(apiQuery({})).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { takeState } from '../testing/take-fixtures';
import { formOfAddressOf, helpTextOf, isConsentRenewal, progressScope, studyText } from './take-state';

describe('take-state', () => {
  it('reads a study text sent as one string or per language', () => {
    expect(studyText('Klik', 'nl')).toBe('Klik');
    expect(studyText({ nl: 'Onderzoek', en: 'Study' }, 'en')).toBe('Study');
    expect(studyText({ en: 'Study' }, 'nl')).toBe('Study');
    expect(studyText(undefined, 'nl')).toBe('');
  });

  it('uses the study\'s form of address, "je" when it has none or an unknown one', () => {
    const study = takeState().study;
    expect(formOfAddressOf({ study: { ...study, formOfAddress: 'u' } })).toBe('u');
    expect(formOfAddressOf({ study })).toBe('je');
    expect(formOfAddressOf({ study: { ...study, formOfAddress: 'jij' as 'je' } })).toBe('je');
  });

  it('tells a renewal from a first consent', () => {
    const first = takeState({ status: 'consent_required' });
    expect(isConsentRenewal(first)).toBe(false);
    expect(isConsentRenewal({ ...first, consent: { ...first.consent, previousVersion: 2 } })).toBe(true);
    expect(isConsentRenewal({ ...first, consent: { ...first.consent, renewal: true } })).toBe(true);
    expect(isConsentRenewal({ ...first, consent: { ...first.consent, previousVersion: null } })).toBe(false);
    expect(isConsentRenewal({ ...takeState(), consent: { ...first.consent, renewal: true } })).toBe(false);
  });

  it('scopes kept answers by study, timepoint, session and instrument versions', () => {
    const state = takeState();
    expect(progressScope(state)).toBe(progressScope(takeState({ language: 'nl', progress: {} })));
    expect(progressScope(state)).not.toBe(
      progressScope({ ...state, timepoint: { ...state.timepoint, sessionNumber: 2 } }),
    );
    expect(progressScope(state)).not.toBe(
      progressScope({ ...state, instruments: state.instruments.slice(1) }),
    );
  });

  it('reads the help text of a submission or a completed state, null when there is none', () => {
    expect(helpTextOf({ safetyHelpText: 'Bel 113.' })).toBe('Bel 113.');
    expect(helpTextOf({ safetyHelpText: '  ' })).toBeNull();
    expect(helpTextOf({ safetyHelpText: null })).toBeNull();
    expect(helpTextOf({})).toBeNull();
  });
});

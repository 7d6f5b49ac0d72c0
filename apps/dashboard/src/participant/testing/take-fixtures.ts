import type { TakeInstrument, TakeState } from '../api/take-types';

// Two small instruments in the shape the API sends: "alpha" has two pages, "beta" one.

const radio = (name: string, title: string, choices: [number, string][]) => ({
  type: 'radiogroup',
  name,
  title,
  isRequired: true,
  choices: choices.map(([value, text]) => ({ value, text })),
});

export const alpha: TakeInstrument = {
  id: 'alpha',
  version: '1.0.0',
  title: { nl: 'Stemming', en: 'Mood' },
  survey: {
    en: {
      locale: 'en',
      title: 'Mood',
      description: 'How did you feel?',
      pages: [
        {
          name: 'p1',
          elements: [
            radio('a1', 'Feeling down', [
              [0, 'Not at all'],
              [1, 'Often'],
            ]),
          ],
        },
        {
          name: 'p2',
          elements: [
            radio('a2', 'Feeling tired', [
              [0, 'Not at all'],
              [1, 'Often'],
            ]),
          ],
        },
      ],
    },
    nl: {
      locale: 'nl',
      title: 'Stemming',
      description: 'Hoe voelde je je?',
      pages: [
        {
          name: 'p1',
          elements: [
            radio('a1', 'Somber voelen', [
              [0, 'Helemaal niet'],
              [1, 'Vaak'],
            ]),
          ],
        },
        {
          name: 'p2',
          elements: [
            radio('a2', 'Moe voelen', [
              [0, 'Helemaal niet'],
              [1, 'Vaak'],
            ]),
          ],
        },
      ],
    },
  },
};

export const beta: TakeInstrument = {
  id: 'beta',
  version: '2.0.0',
  title: { nl: 'Zorgen', en: 'Worry' },
  survey: {
    en: {
      locale: 'en',
      pages: [
        {
          name: 'p1',
          elements: [
            radio('b1', 'Worrying', [
              [0, 'Never'],
              [3, 'Always'],
            ]),
          ],
        },
      ],
    },
    nl: {
      locale: 'nl',
      pages: [
        {
          name: 'p1',
          elements: [
            radio('b1', 'Piekeren', [
              [0, 'Nooit'],
              [3, 'Altijd'],
            ]),
          ],
        },
      ],
    },
  },
};

export function takeState(overrides: Partial<TakeState> = {}): TakeState {
  return {
    status: 'in_progress',
    study: {
      title: 'Klik demo study',
      description: 'About the working alliance.',
      languages: ['nl', 'en'],
      withdrawalPolicy: 'erase_responses',
    },
    language: 'en',
    consent: { version: 3, text: { nl: 'Je doet vrijwillig mee.', en: 'Taking part is voluntary.' } },
    timepoint: { key: 'baseline', label: { nl: 'Begin', en: 'Baseline' }, sessionNumber: null },
    instruments: [alpha, beta],
    progress: {},
    ...overrides,
  };
}

import { defineInstrument } from '../../model/define-instrument';
import type { Instrument } from '../../model/instrument.types';
import { AGREEMENT_SCALE, DISCLOSURE_CONTENT_CODES, KLIK_LICENCE } from '../shared/klik-common';
import { KLIK_DISCLOSURE_EN, KLIK_DISCLOSURE_NL } from './klik-disclosure.text';

const FIT = ['kd_fit_1', 'kd_fit_2', 'kd_fit_3'];
const BOUNDARY = ['kd_boundary_1', 'kd_boundary_2', 'kd_boundary_3'];
const HELPFUL = ['kd_helpful'];
const EFFECTS = ['kd_effect_openness', 'kd_effect_hope', 'kd_effect_not_alone', 'kd_effect_shame'];
const RATED = [...FIT, ...BOUNDARY, ...HELPFUL, ...EFFECTS];

// Everything after the frequency question is shown only when some disclosure was reported.
const DISCLOSED = '{kd_frequency} > 0';

/** Klik perceived practitioner disclosure scale, client-rated, version 1.0.0. Codebook: `codebooks/klik-disclosure.md`. */
export const klikDisclosureV1: Instrument = defineInstrument({
  id: 'klik-disclosure',
  version: '1.0.0',
  name: 'Klik perceived practitioner disclosure scale',
  construct:
    "The client's view of the practitioner's self-disclosure: frequency, content, timing and fit, boundary, helpfulness and effects",
  respondent: 'client',
  languages: ['nl', 'en'],
  licence: KLIK_LICENCE,
  citation: {
    primary: 'Klik project (2026). Klik perceived practitioner disclosure scale, version 1.0.0. CC BY 4.0.',
  },
  textAvailability: 'bundled',
  scales: [AGREEMENT_SCALE],
  items: [
    { id: 'kd_frequency', kind: 'single', options: [0, 1, 2, 3], required: true },
    { id: 'kd_content', kind: 'multi', options: DISCLOSURE_CONTENT_CODES, required: true },
    {
      id: 'kd_content_other',
      kind: 'text',
      maxLength: 500,
      required: false,
      visibleIf: "{kd_content} contains 'other'",
    },
    ...RATED.map((id) => ({ id, kind: 'scale' as const, scale: 'agreement', required: true })),
  ],
  pages: [
    { id: 'frequency', items: ['kd_frequency'] },
    { id: 'content', items: ['kd_content', 'kd_content_other'], visibleIf: DISCLOSED },
    { id: 'experience', items: RATED, visibleIf: DISCLOSED },
  ],
  scoring: {
    scoringVersion: '1.0.0',
    // No total: frequency and content are reported as they are; the rated parts as subscale means.
    total: null,
    reverse: { items: ['kd_boundary_3'], min: 1, max: 5 },
    subscales: [
      { id: 'fit', label: 'Timing and fit', method: 'mean', items: FIT, maxProratedMissing: 0 },
      {
        id: 'boundary',
        label: 'Boundary (focus on the client)',
        method: 'mean',
        items: BOUNDARY,
        maxProratedMissing: 0,
      },
      { id: 'helpfulness', label: 'Helpfulness', method: 'mean', items: HELPFUL, maxProratedMissing: 0 },
      {
        id: 'effects',
        label: 'Effects (openness, hope, not alone, less shame)',
        method: 'mean',
        items: EFFECTS,
        maxProratedMissing: 1,
      },
    ],
    notApplicableWhen: { item: 'kd_frequency', equals: 0 },
    derived: [
      { kind: 'item-value', id: 'frequency', item: 'kd_frequency' },
      {
        kind: 'choice-flags',
        id: 'content',
        item: 'kd_content',
        codes: DISCLOSURE_CONTENT_CODES,
        zeroWhen: { item: 'kd_frequency', equals: 0 },
      },
    ],
  },
  text: { nl: KLIK_DISCLOSURE_NL, en: KLIK_DISCLOSURE_EN },
});

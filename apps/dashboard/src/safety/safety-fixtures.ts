import type { SafetySignal, SafetySignalPage } from './safety-api';

// Checked-in signals as the API lists them (apps/api/docs/safety.md): ids, codes and neutral labels, no answers.

export const openSignal: SafetySignal = {
  id: 'sig-1',
  study: { id: 's-1', title: 'Alliance and disclosure in outpatient care' },
  participant: { id: 'p-42', code: 'KLIK-0042', withdrawn: false },
  instrument: { id: 'phq-9', version: '1.0.0' },
  items: [
    {
      item: 'phq9_9',
      value: 3,
      kind: 'suicidality',
      label: 'PHQ-9 item 9: thoughts of death or self-harm (at least "several days")',
    },
  ],
  createdAt: '2026-03-02T09:14:03.120Z',
  status: 'open',
  acknowledgedBy: null,
  acknowledgedAt: null,
  note: null,
  escalatedAt: null,
};

export const escalatedSignal: SafetySignal = {
  ...openSignal,
  id: 'sig-2',
  participant: { id: 'p-7', code: 'KLIK-0007', withdrawn: true },
  createdAt: '2026-03-01T07:00:00.000Z',
  escalatedAt: '2026-03-01T08:00:00.000Z',
};

export const acknowledgedSignal: SafetySignal = {
  ...openSignal,
  id: 'sig-3',
  participant: { id: 'p-3', code: 'KLIK-0003', withdrawn: false },
  status: 'acknowledged',
  acknowledgedBy: { id: 'u-9', displayName: 'Anna de Boer' },
  acknowledgedAt: '2026-02-20T10:00:00.000Z',
  note: 'Called the client; appointment tomorrow.',
};

export const signalPage = (
  items: SafetySignal[],
  total = items.length,
  limit = 20,
  offset = 0,
): SafetySignalPage => ({
  items,
  total,
  limit,
  offset,
});

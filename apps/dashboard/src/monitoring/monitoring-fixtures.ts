import type { Monitoring, Timeline } from './monitoring-api';

// Checked-in response figures: 10 participants in Utrecht, 8 in Zeist, at baseline.

export const monitoring: Monitoring = {
  studyId: 's-1',
  asOf: '2026-11-29T08:00:00.000Z',
  timepoints: [
    {
      timepointId: 'tp-base',
      key: 'baseline',
      label: { nl: 'Voormeting', en: 'Baseline' },
      kind: 'baseline',
      position: 1,
      dueRule: 'schedule',
      cohorts: [
        {
          cohortId: 'c-1',
          cohortName: 'Utrecht',
          participants: 10,
          invited: 9,
          opened: 7,
          started: 6,
          completed: 4,
          startedNotFinished: 2,
          overdue: 3,
          completionRate: 4 / 9,
        },
        {
          cohortId: 'c-2',
          cohortName: 'Zeist',
          participants: 8,
          invited: 0,
          opened: 0,
          started: 0,
          completed: 0,
          startedNotFinished: 0,
          overdue: 0,
          completionRate: null,
        },
      ],
      total: {
        participants: 18,
        invited: 9,
        opened: 7,
        started: 6,
        completed: 4,
        startedNotFinished: 2,
        overdue: 3,
        completionRate: 4 / 9,
      },
    },
  ],
};

export const timeline: Timeline = {
  participantId: 'p-1',
  code: 'KLIK-0001',
  status: 'active',
  cohortId: 'c-1',
  events: [
    {
      at: '2026-04-01T10:00:00.000Z',
      type: 'enrolled',
      timepointId: null,
      timepointKey: null,
      sessionNumber: null,
      invitationId: null,
      detail: null,
    },
    {
      at: '2026-04-01T10:05:00.000Z',
      type: 'invited',
      timepointId: 'tp-base',
      timepointKey: 'baseline',
      sessionNumber: null,
      invitationId: 'i-1',
      detail: null,
    },
    {
      at: '2026-04-04T09:00:00.000Z',
      type: 'reminded',
      timepointId: 'tp-base',
      timepointKey: 'baseline',
      sessionNumber: null,
      invitationId: 'i-1',
      detail: 'reminder 1',
    },
    {
      at: '2026-04-12T18:30:00.000Z',
      type: 'completed',
      timepointId: 'tp-session',
      timepointKey: 'session',
      sessionNumber: 2,
      invitationId: 'i-2',
      detail: null,
    },
  ],
};

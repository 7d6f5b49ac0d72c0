import { featureMessages } from '../i18n/feature-messages';

export const participantsMessages = featureMessages(
  {
    'participants.title': 'Participants and invitations',
  },
  {
    'participants.title': 'Deelnemers en uitnodigingen',
  },
);

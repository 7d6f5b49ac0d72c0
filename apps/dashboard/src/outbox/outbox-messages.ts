import { featureMessages } from '../i18n/feature-messages';

export const outboxMessages = featureMessages(
  {
    'outbox.title': 'Outbox',
  },
  {
    'outbox.title': 'Postvak uit',
  },
);

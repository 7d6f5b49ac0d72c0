import { featureMessages } from '../i18n/feature-messages';

export const monitoringMessages = featureMessages(
  {
    'monitoring.title': 'Response monitoring',
  },
  {
    'monitoring.title': 'Respons volgen',
  },
);

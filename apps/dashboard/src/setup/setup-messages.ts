import { featureMessages } from '../i18n/feature-messages';

export const setupMessages = featureMessages(
  {
    'setup.title': 'Study set-up',
  },
  {
    'setup.title': 'Opzet van het onderzoek',
  },
);

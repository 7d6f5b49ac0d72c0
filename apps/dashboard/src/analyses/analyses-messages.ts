import { featureMessages } from '../i18n/feature-messages';

export const analysesMessages = featureMessages(
  {
    'analyses.title': 'Analyses',
  },
  {
    'analyses.title': 'Analyses',
  },
);

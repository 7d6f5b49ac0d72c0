import { featureMessages } from '../i18n/feature-messages';

export const comparisonMessages = featureMessages(
  {
    'comparison.title': 'Comparison of institutions',
  },
  {
    'comparison.title': 'Vergelijking van instellingen',
  },
);

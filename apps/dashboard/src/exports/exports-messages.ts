import { featureMessages } from '../i18n/feature-messages';

export const exportsMessages = featureMessages(
  {
    'exports.title': 'Export',
  },
  {
    'exports.title': 'Export',
  },
);

import { featureMessages } from '../i18n/feature-messages';

export const studyMessages = featureMessages(
  {
    'study.loading': 'Loading the study…',
    'study.loadFailed': 'The study could not be loaded.',
    'study.notFound': 'There is no such study, or your institution has no access to it.',
    'study.sections': 'Study sections',
    'study.backToStudies': 'All studies',
    'study.sectionLoading': 'Loading this section…',
    'study.open': 'Open {title}',
  },
  {
    'study.loading': 'Onderzoek laden…',
    'study.loadFailed': 'Het onderzoek kon niet worden geladen.',
    'study.notFound': 'Dit onderzoek bestaat niet, of je instelling heeft er geen toegang toe.',
    'study.sections': 'Onderdelen van het onderzoek',
    'study.backToStudies': 'Alle onderzoeken',
    'study.sectionLoading': 'Dit onderdeel laden…',
    'study.open': '{title} openen',
  },
);

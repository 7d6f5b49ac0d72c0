import { useI18n } from '../i18n';
import type { StudySectionProps } from '../study/section-props';

// PLACEHOLDER written by the lead for the workspace skeleton: the owner of this folder replaces it.
export function OutboxSection({ study }: StudySectionProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('outbox.title')}</h2>
      <p>{study.title}</p>
    </section>
  );
}

import type { MessageKey } from '../i18n';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** "Nothing needs attention", "1 signal needs attention", "3 signals need attention". */
export function countText(count: number, t: Translate): string {
  if (count === 0) return t('safety.count.none');
  return count === 1 ? t('safety.count.one') : t('safety.count.other', { count });
}

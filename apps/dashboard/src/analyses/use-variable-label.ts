import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { variableLabelKey } from './analysis-variables';

/** A variable's label in the interface language; the API's (English) label for a key unknown here. */
export function useVariableLabel(): (id: string, apiLabel?: string) => string {
  const { t } = useI18n();
  return useCallback(
    (id: string, apiLabel?: string) => {
      const key = variableLabelKey(id);
      return key ? t(key) : (apiLabel ?? id);
    },
    [t],
  );
}

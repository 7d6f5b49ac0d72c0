import { useRef, useState } from 'react';
import { TakeApiError, type TakeApi } from '../api/take-api';
import type { WithdrawalPolicy } from '../api/take-types';

export interface StopFlowOptions {
  api: TakeApi;
  /** The message when withdrawing did not get through. */
  failedMessage: string;
  onWithdrawn(policy: WithdrawalPolicy): void;
  onUnavailable(): void;
}

/**
 * The "stop taking part" dialog: open it (remembering what had focus), cancel (focus goes back), confirm (the
 * withdrawal call, with its error shown in the dialog).
 */
export function useStopFlow({ api, failedMessage, onWithdrawn, onUnavailable }: StopFlowOptions) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const start = () => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setError(null);
    setOpen(true);
  };

  const cancel = () => {
    setOpen(false);
    returnFocus.current?.focus();
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.withdraw();
      setOpen(false);
      onWithdrawn(result.policy);
    } catch (failure) {
      if (failure instanceof TakeApiError && failure.isUnavailable) {
        setOpen(false);
        onUnavailable();
      } else setError(failedMessage);
    } finally {
      setBusy(false);
    }
  };

  return { open, busy, error, start, cancel, confirm };
}

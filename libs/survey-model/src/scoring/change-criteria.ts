import { resolveInstrument } from '../instruments/registry';
import type { Instrument, InstrumentRef } from '../model/instrument.types';
import type { Cutoff, ReliableChangeSpec } from './scoring-spec.types';

/** The clinical cut-off and reliable change value that apply to an instrument's total (under one norm set). */
export interface ChangeCriteria {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly scoringVersion: string;
  /** Norm set the values come from; null for instruments without norm sets. */
  readonly norm: string | null;
  readonly cutoff: Cutoff | null;
  readonly reliableChange: ReliableChangeSpec | null;
}

/**
 * Looks up the cut-off and reliable change value of an instrument (no formulas here: reliable change and clinical
 * significance are computed in `@klik/stats`). For instruments with norm sets (OQ-45 `us`, `nl`) pass `norm`, or
 * get the default norm.
 *
 * @throws RangeError for a norm the instrument does not have, or a norm on an instrument without norm sets.
 * @example getChangeCriteria({ id: 'phq-9', version: '1.0.0' }).reliableChange?.value // 6
 */
export function getChangeCriteria(instrument: Instrument | InstrumentRef, norm?: string): ChangeCriteria {
  const resolved = resolveInstrument(instrument);
  const spec = resolved.scoring;
  const header = {
    instrumentId: resolved.id,
    instrumentVersion: resolved.version,
    scoringVersion: spec.scoringVersion,
  };
  if (spec.norms === undefined || spec.norms.length === 0) {
    if (norm !== undefined) throw new RangeError(`${resolved.id}@${resolved.version} has no norm sets`);
    return {
      ...header,
      norm: null,
      cutoff: spec.cutoff ?? null,
      reliableChange: spec.reliableChange ?? null,
    };
  }
  const normId = norm ?? spec.defaultNorm ?? spec.norms[0]?.id;
  const found = spec.norms.find((candidate) => candidate.id === normId);
  if (found === undefined)
    throw new RangeError(`${resolved.id}@${resolved.version} has no norm set ${String(normId)}`);
  return {
    ...header,
    norm: found.id,
    cutoff: found.cutoff ?? null,
    reliableChange: found.reliableChange ?? null,
  };
}

import { compareVersions } from '../model/version';
import type { Instrument, InstrumentId, InstrumentRef } from '../model/instrument.types';
import { gad7V1, gad7V1_1 } from './gad-7/gad-7.instrument';
import { klikAllianceV1 } from './klik-alliance/klik-alliance.instrument';
import { klikCheckinV1 } from './klik-checkin/klik-checkin.instrument';
import { klikDisclosureV1 } from './klik-disclosure/klik-disclosure.instrument';
import { klikSessionLogV1 } from './klik-session-log/klik-session-log.instrument';
import { phq9V1, phq9V1_1 } from './phq-9/phq-9.instrument';
import { k10V1, k10V1_1 } from './k10/k10.instrument';
import { waiSrV1, waiSrV1_1 } from './wai-sr/wai-sr.instrument';
import { core10V1, core10V1_1 } from './core-10/core-10.instrument';
import { orsV1, orsV1_1 } from './ors/ors.instrument';
import { srsV1, srsV1_1 } from './srs/srs.instrument';
import { oq45V1, oq45V1_1 } from './oq-45/oq-45.instrument';
import { mhcSfV1, mhcSfV1_1 } from './mhc-sf/mhc-sf.instrument';
import { qpr15V1, qpr15V1_1 } from './qpr-15/qpr-15.instrument';
import { bat23V1, bat23V1_1 } from './bat-23/bat-23.instrument';

/**
 * Every published version of every instrument, oldest first. A typed record over {@link InstrumentId}: an id
 * without an entry does not compile. Published versions are append-only (see `published.lock.json`).
 */
export const INSTRUMENT_VERSIONS: { readonly [K in InstrumentId]: readonly Instrument[] } = {
  'klik-alliance': [klikAllianceV1],
  'klik-disclosure': [klikDisclosureV1],
  'klik-session-log': [klikSessionLogV1],
  'klik-checkin': [klikCheckinV1],
  'phq-9': [phq9V1, phq9V1_1],
  'gad-7': [gad7V1, gad7V1_1],
  k10: [k10V1, k10V1_1],
  'wai-sr': [waiSrV1, waiSrV1_1],
  'core-10': [core10V1, core10V1_1],
  ors: [orsV1, orsV1_1],
  srs: [srsV1, srsV1_1],
  'oq-45': [oq45V1, oq45V1_1],
  'mhc-sf': [mhcSfV1, mhcSfV1_1],
  'qpr-15': [qpr15V1, qpr15V1_1],
  'bat-23': [bat23V1, bat23V1_1],
};

/** Thrown when an instrument id or version is not in the registry. */
export class UnknownInstrumentError extends Error {
  constructor(
    readonly instrumentId: string,
    readonly version?: string,
  ) {
    super(
      version === undefined
        ? `Unknown instrument ${instrumentId}`
        : `Unknown instrument version ${instrumentId}@${version}`,
    );
    this.name = 'UnknownInstrumentError';
  }
}

/** Whether a string is a known instrument id. */
export function isInstrumentId(value: string): value is InstrumentId {
  return Object.prototype.hasOwnProperty.call(INSTRUMENT_VERSIONS, value);
}

/**
 * One instrument version; the latest when `version` is omitted.
 *
 * @throws UnknownInstrumentError for an unknown id or version.
 * @example getInstrument('phq-9', '1.0.0').scoring.cutoff // { value: 10, direction: 'at_or_above', … }
 */
export function getInstrument(id: string, version?: string): Instrument {
  if (!isInstrumentId(id)) throw new UnknownInstrumentError(id, version);
  const versions = INSTRUMENT_VERSIONS[id];
  const found =
    version === undefined
      ? [...versions].sort((left, right) => compareVersions(left.version, right.version)).at(-1)
      : versions.find((candidate) => candidate.version === version);
  if (found === undefined) throw new UnknownInstrumentError(id, version);
  return found;
}

/** Resolves a reference (`{ id, version }`) or passes an instrument through. */
export function resolveInstrument(ref: Instrument | InstrumentRef): Instrument {
  return 'scoring' in ref ? ref : getInstrument(ref.id, ref.version);
}

/**
 * The instrument catalogue: the latest version of each instrument, or every published version with
 * `{ allVersions: true }`, in registry order.
 */
export function listInstruments(options: { readonly allVersions?: boolean } = {}): readonly Instrument[] {
  const ids = Object.keys(INSTRUMENT_VERSIONS) as InstrumentId[];
  return options.allVersions === true
    ? ids.flatMap((id) => INSTRUMENT_VERSIONS[id])
    : ids.map((id) => getInstrument(id));
}

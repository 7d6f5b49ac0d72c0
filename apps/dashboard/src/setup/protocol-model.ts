import type { Language } from '../api/types';
import type {
  InstrumentSummary,
  ProtocolTimepointInput,
  Respondent,
  Timepoint,
  TimepointKind,
} from './setup-api';

// The protocol editor's working copy, and its conversion to the API's body. Pure, so it is tested on its own.

export interface DraftInstrument {
  uid: number;
  /** `id@version`, or '' while none is chosen. */
  choice: string;
  respondent: Respondent;
}

export interface DraftTimepoint {
  uid: number;
  key: string;
  label: Partial<Record<Language, string>>;
  kind: TimepointKind;
  /** Kept as typed; converted on save. */
  offsetDays: string;
  instruments: DraftInstrument[];
}

let nextUid = 1;
const uid = () => nextUid++;

export const instrumentChoice = (id: string, version: string) => `${id}@${version}`;

export function draftFromProtocol(timepoints: readonly Timepoint[]): DraftTimepoint[] {
  return timepoints.map((timepoint) => ({
    uid: uid(),
    key: timepoint.key,
    label: { ...timepoint.label },
    kind: timepoint.kind,
    offsetDays: timepoint.offsetDays === null ? '' : String(timepoint.offsetDays),
    instruments: timepoint.instruments.map((instrument) => ({
      uid: uid(),
      choice: instrumentChoice(instrument.instrumentId, instrument.instrumentVersion),
      respondent: instrument.respondent,
    })),
  }));
}

export function emptyTimepoint(position: number): DraftTimepoint {
  return {
    uid: uid(),
    key: position === 0 ? 'baseline' : '',
    label: {},
    kind: position === 0 ? 'baseline' : 'session',
    offsetDays: position === 0 ? '0' : '',
    instruments: [emptyInstrument()],
  };
}

export function emptyInstrument(): DraftInstrument {
  return { uid: uid(), choice: '', respondent: 'client' };
}

/** The respondent follows from the instrument: each one is filled in by either the client or the practitioner. */
export function respondentOf(choice: string, catalog: readonly InstrumentSummary[]): Respondent | null {
  return (
    catalog.find((instrument) => instrumentChoice(instrument.id, instrument.version) === choice)
      ?.respondent ?? null
  );
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

/**
 * The PUT body. Values are passed on as typed (an empty key stays empty) so that the API, the one place with the
 * rules, reports each problem against its field.
 */
export function protocolBody(
  draft: readonly DraftTimepoint[],
  languages: readonly Language[],
): ProtocolTimepointInput[] {
  return draft.map((timepoint) => {
    const offset = timepoint.offsetDays.trim();
    const label = Object.fromEntries(
      languages
        .filter((language) => timepoint.label[language]?.trim())
        .map((l) => [l, timepoint.label[l]?.trim()]),
    );
    return {
      key: timepoint.key.trim(),
      label,
      kind: timepoint.kind,
      ...(timepoint.kind === 'session' ? {} : { offsetDays: offset === '' ? null : Number(offset) }),
      instruments: timepoint.instruments.map((instrument) => {
        const at = instrument.choice.lastIndexOf('@');
        return {
          instrumentId: at > 0 ? instrument.choice.slice(0, at) : instrument.choice,
          instrumentVersion: at > 0 ? instrument.choice.slice(at + 1) : '',
          respondent: instrument.respondent,
        };
      }),
    };
  });
}

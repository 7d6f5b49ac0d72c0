import { useRef, useState, type FormEvent } from 'react';
import type { Language } from '../api/types';
import { useI18n } from '../i18n';
import {
  FieldMessages,
  FormAlert,
  SelectField,
  StatusMessage,
  TextField,
  messagesFor,
  useFocusOnError,
} from './form-controls';
import {
  draftFromProtocol,
  emptyInstrument,
  emptyTimepoint,
  instrumentChoice,
  moveItem,
  protocolBody,
  respondentOf,
  type DraftTimepoint,
} from './protocol-model';
import {
  TIMEPOINT_KINDS,
  type InstrumentSummary,
  type ProtocolTimepointInput,
  type Timepoint,
} from './setup-api';

export interface ProtocolEditorProps {
  timepoints: readonly Timepoint[];
  languages: readonly Language[];
  catalog: readonly InstrumentSummary[];
  canEdit: boolean;
  onSave(timepoints: ProtocolTimepointInput[]): Promise<void>;
}

/** The ordered timepoints of the study, each with the instruments filled in then; saved as a whole. */
export function ProtocolEditor({ timepoints, languages, catalog, canEdit, onSave }: ProtocolEditorProps) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<DraftTimepoint[]>(() =>
    timepoints.length > 0 ? draftFromProtocol(timepoints) : [emptyTimepoint(0)],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useFocusOnError(formRef, error);

  const update = (index: number, change: Partial<DraftTimepoint>) =>
    setDraft((current) =>
      current.map((timepoint, i) => (i === index ? { ...timepoint, ...change } : timepoint)),
    );

  // Licensed instruments without a text pack cannot be chosen, but one already in the protocol stays visible.
  const usedChoices = new Set(draft.flatMap((timepoint) => timepoint.instruments.map((i) => i.choice)));
  const options = [
    { value: '', label: t('setup.protocol.chooseInstrument') },
    ...catalog
      .filter(
        (instrument) =>
          instrument.usable || usedChoices.has(instrumentChoice(instrument.id, instrument.version)),
      )
      .map((instrument) => ({
        value: instrumentChoice(instrument.id, instrument.version),
        label: `${instrument.name} (${instrument.id} ${instrument.version}, ${t(`setup.respondent.${instrument.respondent}`)})`,
      })),
  ];

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await onSave(protocolBody(draft, languages));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const shownFields = draft.flatMap((timepoint, i) => [
    `timepoints.${i}.key`,
    `timepoints.${i}.kind`,
    `timepoints.${i}.offsetDays`,
    `timepoints.${i}.instruments`,
    ...languages.map((language) => `timepoints.${i}.label.${language}`),
    ...timepoint.instruments.flatMap((_, j) => [
      `timepoints.${i}.instruments.${j}`,
      `timepoints.${i}.instruments.${j}.instrumentId`,
    ]),
  ]);

  return (
    <section className="card setup-panel" aria-labelledby="setup-protocol-heading">
      <h3 id="setup-protocol-heading">{t('setup.protocol.title')}</h3>
      <p className="muted">{t('setup.protocol.intro')}</p>
      <form ref={formRef} className="form" onSubmit={(event) => void save(event)} noValidate>
        <FormAlert error={error} shownFields={shownFields} />
        <ol className="timepoint-list">
          {draft.map((timepoint, i) => {
            const legend = t('setup.protocol.timepoint', { number: i + 1 });
            return (
              <li key={timepoint.uid}>
                <fieldset className="timepoint" disabled={!canEdit}>
                  <legend>{legend}</legend>
                  <div className="field-grid">
                    <TextField
                      label={t('setup.protocol.key')}
                      hint={t('setup.protocol.keyHint')}
                      field={`timepoints.${i}.key`}
                      value={timepoint.key}
                      onChange={(key) => update(i, { key })}
                      error={error}
                      required
                    />
                    <SelectField
                      label={t('setup.protocol.kind')}
                      field={`timepoints.${i}.kind`}
                      value={timepoint.kind}
                      onChange={(kind) => update(i, { kind: kind as DraftTimepoint['kind'] })}
                      error={error}
                      options={TIMEPOINT_KINDS.map((kind) => ({
                        value: kind,
                        label: t(`setup.kind.${kind}`),
                      }))}
                    />
                    {timepoint.kind !== 'session' && (
                      <TextField
                        type="number"
                        label={t('setup.protocol.offsetDays')}
                        field={`timepoints.${i}.offsetDays`}
                        value={timepoint.offsetDays}
                        onChange={(offsetDays) => update(i, { offsetDays })}
                        error={error}
                        min={0}
                        max={3650}
                      />
                    )}
                    {languages.map((language) => (
                      <TextField
                        key={language}
                        label={t('setup.protocol.label', { language: t(`languageName.${language}`) })}
                        field={`timepoints.${i}.label.${language}`}
                        value={timepoint.label[language] ?? ''}
                        onChange={(text) => update(i, { label: { ...timepoint.label, [language]: text } })}
                        error={error}
                        required
                        maxLength={120}
                      />
                    ))}
                  </div>
                  <FieldMessages
                    id={`tp-${timepoint.uid}-instruments`}
                    messages={messagesFor(error, `timepoints.${i}.instruments`)}
                  />
                  <ul className="plain-list instrument-list">
                    {timepoint.instruments.map((instrument, j) => (
                      <li key={instrument.uid} className="instrument-row">
                        <SelectField
                          label={t('setup.protocol.instrument', { number: j + 1 })}
                          field={`timepoints.${i}.instruments.${j}.instrumentId`}
                          value={instrument.choice}
                          onChange={(choice) =>
                            update(i, {
                              instruments: timepoint.instruments.map((candidate, k) =>
                                k === j
                                  ? {
                                      ...candidate,
                                      choice,
                                      respondent: respondentOf(choice, catalog) ?? candidate.respondent,
                                    }
                                  : candidate,
                              ),
                            })
                          }
                          error={error}
                          options={options}
                        />
                        <FieldMessages
                          id={`in-${instrument.uid}-errors`}
                          messages={messagesFor(error, `timepoints.${i}.instruments.${j}`)}
                        />
                        {canEdit && timepoint.instruments.length > 1 && (
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={t('setup.protocol.removeInstrumentLabel', {
                              number: j + 1,
                              timepoint: legend,
                            })}
                            onClick={() =>
                              update(i, { instruments: timepoint.instruments.filter((_, k) => k !== j) })
                            }
                          >
                            {t('setup.protocol.removeInstrument')}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                  {canEdit && (
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('setup.protocol.addInstrumentLabel', { timepoint: legend })}
                        onClick={() =>
                          update(i, { instruments: [...timepoint.instruments, emptyInstrument()] })
                        }
                      >
                        {t('setup.protocol.addInstrument')}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={i === 0}
                        aria-label={t('setup.protocol.moveUpLabel', { timepoint: legend })}
                        onClick={() => setDraft(moveItem(draft, i, i - 1))}
                      >
                        {t('setup.protocol.moveUp')}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={i === draft.length - 1}
                        aria-label={t('setup.protocol.moveDownLabel', { timepoint: legend })}
                        onClick={() => setDraft(moveItem(draft, i, i + 1))}
                      >
                        {t('setup.protocol.moveDown')}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('setup.protocol.removeTimepointLabel', { timepoint: legend })}
                        onClick={() => setDraft(draft.filter((_, k) => k !== i))}
                      >
                        {t('setup.protocol.removeTimepoint')}
                      </button>
                    </div>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {canEdit && (
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => setDraft([...draft, emptyTimepoint(draft.length)])}
            >
              {t('setup.protocol.addTimepoint')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
              {t('setup.protocol.save')}
            </button>
          </div>
        )}
        {saved && <StatusMessage>{t('setup.protocol.saved')}</StatusMessage>}
      </form>
    </section>
  );
}

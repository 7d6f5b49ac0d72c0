import { useEffect, useRef, useState } from 'react';
import { Model, type QuestionRatingModel, type SurveyModel } from 'survey-core';
import 'survey-core/survey-core.fontless.min.css';
import { Survey } from 'survey-react-ui';
import type { Answers, TakeInstrument, TakeLanguage } from '../api/take-types';
import { localize, pageCount, surveyFor } from '../journey/resume';
import type { FormOfAddress } from '../participant-messages';
import { useDutchSurveyStrings } from './survey-locale';
import type { Translate } from './translator';
import { applyCspSafeStyles } from './survey-styles';
import { useFocusHeading } from './use-focus-heading';

export interface QuestionnaireStepProps {
  t: Translate;
  language: TakeLanguage;
  /** Picks SurveyJS's Dutch strings (buttons, messages) to match the study's "je" or "u". */
  formOfAddress: FormOfAddress;
  instrument: TakeInstrument;
  /** 0-based position among the timepoint's instruments, and how many there are. */
  index: number;
  total: number;
  timepointLabel: string;
  initialAnswers: Answers;
  initialPageIndex: number;
  /** After every answer (the caller debounces the save). */
  onAnswersChanged(instrumentId: string, pageIndex: number, answers: Answers): void;
  /** After SurveyJS turned a page: save what there is. */
  onPageChanged(instrumentId: string, pageIndex: number, answers: Answers): void;
  /** After the last page: `pageIndex` is the page count, which marks the instrument finished. */
  onFinished(instrumentId: string, pageIndex: number, answers: Answers): void;
}

function buildModel(
  instrument: TakeInstrument,
  language: TakeLanguage,
  address: FormOfAddress,
  answers: Answers,
  pageIndex: number,
  completeText: string,
): SurveyModel {
  useDutchSurveyStrings(address);
  const model = new Model(surveyFor(instrument, language));
  // No <style> elements or style attributes: the server's CSP allows neither (see survey-styles.ts).
  applyCspSafeStyles(model);
  model.locale = language;
  // The page shows the title itself (as the h1); SurveyJS would add a second one.
  model.showTitle = false;
  model.showCompletedPage = false;
  // A question that becomes hidden loses its answer at once, so a saved page never holds one (the API refuses it).
  model.clearInvisibleValues = 'onHidden';
  model.completeText = completeText;
  // A 0-10 rating stays a row of buttons on a phone (wrapping onto a second row) instead of the drop-down SurveyJS
  // switches to when the row does not fit: one tap per answer, every choice visible. The end labels go above and
  // below the buttons, so they take no room from them.
  for (const question of model.getAllQuestions()) {
    if (question.getType() !== 'rating') continue;
    const rating = question as QuestionRatingModel;
    rating.displayMode = 'buttons';
    rating.rateDescriptionLocation = 'topBottom';
  }
  model.data = answers;
  model.currentPageNo = Math.min(Math.max(0, pageIndex), Math.max(0, model.visiblePageCount - 1));
  return model;
}

/** One instrument as SurveyJS pages. Switching the language rebuilds the survey with the same answers and page. */
export default function QuestionnaireStep({
  t,
  language,
  formOfAddress,
  instrument,
  index,
  total,
  timepointLabel,
  initialAnswers,
  initialPageIndex,
  onAnswersChanged,
  onPageChanged,
  onFinished,
}: QuestionnaireStepProps) {
  const completeText = t(index === total - 1 ? 'sendAnswers' : 'nextQuestionnaire');
  const [current, setCurrent] = useState(() => ({
    language,
    model: buildModel(instrument, language, formOfAddress, initialAnswers, initialPageIndex, completeText),
  }));
  const { model } = current;
  const { ref: headingRef, focus: focusHeading } = useFocusHeading();
  const callbacks = useRef({ onAnswersChanged, onPageChanged, onFinished });
  callbacks.current = { onAnswersChanged, onPageChanged, onFinished };

  // Another language: same answers, same page, new wording (the definitions are per language).
  if (current.language !== language) {
    setCurrent({
      language,
      model: buildModel(
        instrument,
        language,
        formOfAddress,
        model.data as Answers,
        model.currentPageNo,
        completeText,
      ),
    });
  }

  useEffect(() => {
    const valueChanged = (sender: SurveyModel) => {
      callbacks.current.onAnswersChanged(instrument.id, sender.currentPageNo, sender.data as Answers);
    };
    const pageChanged = (sender: SurveyModel) => {
      callbacks.current.onPageChanged(instrument.id, sender.currentPageNo, sender.data as Answers);
      focusHeading();
    };
    const completed = (sender: SurveyModel) => {
      callbacks.current.onFinished(
        instrument.id,
        pageCount(surveyFor(instrument, language)),
        sender.data as Answers,
      );
    };
    model.onValueChanged.add(valueChanged);
    model.onCurrentPageChanged.add(pageChanged);
    model.onComplete.add(completed);
    return () => {
      model.onValueChanged.remove(valueChanged);
      model.onCurrentPageChanged.remove(pageChanged);
      model.onComplete.remove(completed);
    };
  }, [model, instrument, language, focusHeading]);

  const title = localize(instrument.title, language) || model.title;
  return (
    <section className="take-questionnaire" aria-labelledby="questionnaire-title">
      <p className="take-progress">
        {timepointLabel ? `${timepointLabel} · ` : ''}
        {t('progress', { current: index + 1, total })}
      </p>
      <h1 id="questionnaire-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {model.description && <p className="take-instructions">{model.description}</p>}
      {/* A new model is a new component: survey-react-ui does not swap models in place. */}
      <Survey key={current.language} model={model} />
    </section>
  );
}

import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderBare, waitFor } from '../../test/render';
import { stubLayoutApis } from '../testing/take-dom';
import { applyCspSafeStyles } from './survey-styles';

vi.setConfig({ testTimeout: 30_000 });

const definition = {
  pages: [
    { elements: [{ type: 'radiogroup', name: 'q1', title: 'How are you?', choices: ['Fine', 'Not fine'] }] },
  ],
};

/** Inline style a `style-src 'self'` policy blocks: <style> elements, and style attributes in parsed markup. */
const inlineStyle = (container: HTMLElement) => ({
  styleElements: container.querySelectorAll('style').length,
  iconsWithStyleAttribute: (
    container.querySelector('#sv-icon-holder-global-container')?.innerHTML ?? ''
  ).includes(' style='),
});

beforeEach(() => {
  stubLayoutApis();
});

describe('applyCspSafeStyles', () => {
  // Without it, SurveyJS 3 writes exactly what the API's CSP blocks; the first case proves the second one matters.
  it('SurveyJS on its own renders <style> elements and an icon with a style attribute', async () => {
    const container = await renderBare(<Survey model={new Model(definition)} />);
    await waitFor(() => expect(container.querySelector('.sd-question')).not.toBeNull(), 15_000);
    expect(inlineStyle(container)).toEqual({ styleElements: 2, iconsWithStyleAttribute: true });
  });

  it('renders the survey with neither', async () => {
    const model = new Model(definition);
    applyCspSafeStyles(model);
    const container = await renderBare(<Survey model={model} />);
    await waitFor(() => expect(container.querySelector('.sd-question')).not.toBeNull(), 15_000);
    expect(inlineStyle(container)).toEqual({ styleElements: 0, iconsWithStyleAttribute: false });
    expect(model.generateStylesheet).toBe(false);
  });
});

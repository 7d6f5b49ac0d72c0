import { createResetVariablesStyle, SvgRegistry, type SurveyModel } from 'survey-core';

// The API's Content-Security-Policy takes style sheets from the page's own origin only (`style-src 'self'`, no
// 'unsafe-inline'). SurveyJS 3 writes two things that policy blocks, and reports:
// - its theme's CSS variables as <style> elements inside the survey (`generateStylesheet`);
// - the markup of one icon, the timer circle, with style attributes (Klik's questionnaires have no timer).
// The CSSOM is not subject to CSP, so the very same CSS goes in through a constructed style sheet instead, and the
// icon is left out. The browser test fails on any CSP violation, so a SurveyJS update that adds another shows up.

let sheet: CSSStyleSheet | null = null;

function adoptedSheet(): CSSStyleSheet | null {
  if (sheet) return sheet;
  // Every browser the participant pages support has constructable style sheets; jsdom (the unit tests) has not.
  if (typeof document === 'undefined' || !('adoptedStyleSheets' in document)) return null;
  try {
    sheet = new CSSStyleSheet();
  } catch {
    return null;
  }
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}

/** Icons whose markup holds a style attribute, which the policy would block as inline style. */
function dropIconsWithInlineStyle(): void {
  const icons = SvgRegistry.icons as Record<string, string>;
  for (const [id, markup] of Object.entries(icons)) if (/\sstyle=/.test(markup)) delete icons[id];
}

/**
 * Makes `model` render without inline styles: its theme variables go into a constructed style sheet before the
 * first render, and its derived "reset" variables (computed from the rendered root) right after it.
 */
export function applyCspSafeStyles(model: SurveyModel): void {
  model.generateStylesheet = false;
  dropIconsWithInlineStyle();
  const target = adoptedSheet();
  if (!target) return;
  const theme = model.themeStyle;
  target.replaceSync(theme);
  model.onAfterRenderSurvey.add((_sender, { htmlElement }) => {
    // Read from the computed style of the rendered root, which the theme variables above now reach.
    target.replaceSync(`${theme}\n${createResetVariablesStyle(htmlElement)}`);
  });
}

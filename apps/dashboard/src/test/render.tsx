import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nProvider } from '../i18n';
import type { UiLanguage } from '../shared/language';

// A few helpers in place of @testing-library: react-dom's own root and act() are enough here.

const mounted: { root: Root; container: HTMLElement }[] = [];

/** Renders inside an I18nProvider fixed to `language` (English by default). */
export async function render(ui: ReactNode, options: { language?: UiLanguage } = {}): Promise<HTMLElement> {
  return renderBare(<I18nProvider initial={options.language ?? 'en'}>{ui}</I18nProvider>);
}

/** Renders exactly what it is given, without providers. */
export async function renderBare(ui: ReactNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.push({ root, container });
  await act(async () => {
    root.render(ui);
  });
  return container;
}

export async function cleanupRendered(): Promise<void> {
  for (const { root, container } of mounted.splice(0)) {
    await act(async () => root.unmount());
    container.remove();
  }
}

/** Lets pending promises (fetch, response.json) settle and React render the result. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Waits until the assertion passes (or fails with its last error). */
export async function waitFor(assertion: () => void, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await settle();
    }
  }
}

const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The form control whose <label> reads exactly `text`. */
export function getByLabelText<T extends HTMLElement = HTMLInputElement>(scope: ParentNode, text: string): T {
  const label = [...scope.querySelectorAll('label')].find(
    (candidate) => normalise(candidate.textContent) === text,
  );
  if (!label) throw new Error(`No label "${text}"`);
  const control = label.htmlFor
    ? document.getElementById(label.htmlFor)
    : label.querySelector('input,select');
  if (!control) throw new Error(`Label "${text}" is not attached to a control`);
  return control as T;
}

/** The first button whose visible text is exactly `text`. */
export function getButton(scope: ParentNode, text: string): HTMLButtonElement {
  const button = [...scope.querySelectorAll('button')].find(
    (candidate) => normalise(candidate.textContent) === text,
  );
  if (!button) throw new Error(`No button "${text}"`);
  return button;
}

export function getByRole(
  scope: ParentNode,
  role: 'alert' | 'status' | 'heading',
  level?: number,
): HTMLElement {
  const selector = role === 'heading' ? (level ? `h${level}` : 'h1,h2,h3,h4,h5,h6') : `[role="${role}"]`;
  const element = scope.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`No ${role}`);
  return element;
}

/** The element, or a clear failure when the query found nothing. */
export function present<T>(value: T | null | undefined, what = 'element'): T {
  if (value === null || value === undefined) throw new Error(`Expected an ${what}, found none`);
  return value;
}

export function textOf(element: Element | null): string {
  return normalise(element?.textContent ?? null);
}

/** Sets an uncontrolled input's value the way typing would leave it. */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
}

export async function selectOption(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

import { act } from 'react';

// Test helper for controlled inputs: React tracks the value a script sets directly, so set it through the
// prototype's setter, as typing does, and then fire the event React listens to.

type ValueElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export async function changeValue(element: ValueElement, value: string): Promise<void> {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element) as object, 'value')?.set;
  await act(async () => {
    setter?.call(element, value);
    element.dispatchEvent(
      new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}

/** The message list a field points at through aria-describedby (its errors), as text. */
export function describedErrors(element: Element): string[] {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids
    .map((id) => document.getElementById(id))
    .filter((node): node is HTMLElement => node?.classList.contains('field-errors') ?? false)
    .flatMap((node) => [...node.querySelectorAll('li')].map((item) => item.textContent ?? ''));
}

/** The group (fieldset) whose legend reads `legend`. */
export function getGroup(scope: ParentNode, legend: string): HTMLFieldSetElement {
  const found = [...scope.querySelectorAll('fieldset')].find(
    (fieldset) => fieldset.querySelector('legend')?.textContent?.trim() === legend,
  );
  if (!found) throw new Error(`No group "${legend}"`);
  return found;
}

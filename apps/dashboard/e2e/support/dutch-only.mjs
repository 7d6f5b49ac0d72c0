// "No English in the Dutch flow" (issue 11): every word a Dutch participant can see or hear, checked against a list
// of English words that Dutch does not share, including SurveyJS's own buttons, progress and validation messages.

/**
 * English words that never occur as words in Dutch text. Words both languages have ("in", "is", "of", "over",
 * "start", "stop", "link", "online", "item", "help") are left out on purpose.
 */
export const ENGLISH_STOP_WORDS = [
  'the',
  'and',
  'you',
  'your',
  'please',
  'next',
  'previous',
  'complete',
  'completed',
  'select',
  'required',
  'response',
  'loading',
  'page',
  'questionnaire',
  'questions',
  'question',
  'submit',
  'send',
  'answer',
  'answers',
  'thank',
  'thanks',
  'yes',
  'choose',
  'clear',
  'other',
  'none',
  'error',
  'survey',
  'value',
  'not',
  'with',
  'this',
  'that',
  'what',
  'are',
  'have',
  'will',
  'can',
  'more',
  'cancel',
  'apply',
  'done',
  'back',
  'close',
  'saved',
  'saving',
  'again',
  'try',
  'sorry',
  'study',
  'call',
  'agree',
  'language',
  'to',
  'on',
  'at',
  'from',
];

/**
 * The English words in what the page shows or tells a screen reader in Dutch: text (outside elements marked with
 * another `lang`, such as the "English" button and the English half of the "link not available" page), the
 * accessible names and hints in attributes, button values and the document title. Hidden elements do not count.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ word: string, in: string }[]>}
 */
export async function englishOnPage(page) {
  return page.evaluate((stopWords) => {
    // Page code: the browser's globals, untyped here (this file is checked against Node's).
    const { document, NodeFilter, HTMLInputElement } = /** @type {any} */ (globalThis);
    const english = new Set(stopWords);
    /** @type {{ word: string, in: string }[]} */
    const found = [];
    /** @param {any} element @returns {boolean} */
    const isDutch = (element) => (element.closest('[lang]')?.getAttribute('lang') ?? 'nl').startsWith('nl');
    /** @param {string} text @param {string} where */
    const check = (text, where) => {
      for (const word of text.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? []) {
        if (english.has(word)) found.push({ word, in: `${where}: ${text.trim().slice(0, 120)}` });
      }
    };
    /** @type {any} */
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !isDutch(parent)) continue;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      check(node.textContent, parent.tagName.toLowerCase());
    }
    for (const element of document.body.querySelectorAll('*')) {
      if (!isDutch(element) || !element.checkVisibility({ visibilityProperty: true })) continue;
      for (const attribute of [
        'aria-label',
        'aria-description',
        'aria-placeholder',
        'title',
        'placeholder',
        'alt',
      ]) {
        const value = element.getAttribute(attribute);
        if (value) check(value, `${element.tagName.toLowerCase()}[${attribute}]`);
      }
      if (element instanceof HTMLInputElement && ['button', 'submit'].includes(element.type))
        check(element.value, 'input[value]');
    }
    check(document.title, 'title');
    return found;
  }, ENGLISH_STOP_WORDS);
}

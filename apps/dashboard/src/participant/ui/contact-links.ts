/** A piece of a help text: plain text, a phone number to call, or a web address. */
export type ContactPart =
  | { kind: 'text'; text: string }
  | { kind: 'phone'; text: string; href: string }
  | { kind: 'web'; text: string; href: string };

// Phone numbers as Dutch help texts write them: the emergency and crisis short numbers (112, 113), toll-free and
// shared-cost numbers (0800-0113, 0900 1450), ordinary ten-digit numbers (020 123 4567, 06-12345678) and
// international ones (+31 20 123 4567). Not part of a longer number or of a web address ("113.nl").
const PHONE = String.raw`(?:\+\d{2}[\s-]?\d(?:[\s-]?\d){7,10}|0[89]00[\s-]?\d{4}(?:[\s-]?\d{3})?|0\d(?:[\s-]?\d){8}|11[23])`;
// A bare or www web address on a few common top-level domains, with an optional path.
const WEB = String.raw`(?:https?:\/\/|www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:nl|be|eu|org|com)(?:\/[^\s]*[^\s.,;:!?)])?`;
const CONTACT = new RegExp(String.raw`(?<![\w.+/-])(?:(${WEB})|(${PHONE}))(?![\w]|\.[a-z0-9])`, 'gi');

/**
 * Splits a help text into text, phone numbers (`tel:` with the digits only) and web addresses (`https:`), so a
 * participant can call 113 or 112 with one tap. Pure; the order and wording of the text are kept exactly.
 * @example splitContacts('Bel 113 of 112.') → text "Bel ", phone "113" (tel:113), text " of ", phone "112", text "."
 */
export function splitContacts(text: string): ContactPart[] {
  const parts: ContactPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CONTACT)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ kind: 'text', text: text.slice(last, index) });
    const [found, web] = match;
    if (web) {
      parts.push({
        kind: 'web',
        text: found,
        href: /^https?:\/\//i.test(found) ? found : `https://${found}`,
      });
    } else {
      parts.push({ kind: 'phone', text: found, href: `tel:${found.replace(/[\s-]/g, '')}` });
    }
    last = index + found.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

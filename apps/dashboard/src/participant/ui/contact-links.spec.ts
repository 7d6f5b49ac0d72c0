import { describe, expect, it } from 'vitest';
import { splitContacts } from './contact-links';

const links = (text: string) =>
  splitContacts(text)
    .filter((part) => part.kind !== 'text')
    .map((part) => [part.text, 'href' in part ? part.href : '']);

describe('splitContacts', () => {
  it('makes 113, 0800-0113 and 112 tel: links and 113.nl a web link in the default Dutch help text', () => {
    const text =
      'Heb je het moeilijk of denk je aan zelfdoding? Praat erover met 113 Zelfmoordpreventie: bel 113 of gratis ' +
      '0800-0113, of chat via 113.nl. Bij direct gevaar: bel 112.';
    expect(links(text)).toEqual([
      ['113', 'tel:113'],
      ['113', 'tel:113'],
      ['0800-0113', 'tel:08000113'],
      ['113.nl', 'https://113.nl'],
      ['112', 'tel:112'],
    ]);
    // Nothing is lost or reordered.
    expect(
      splitContacts(text)
        .map((part) => part.text)
        .join(''),
    ).toBe(text);
  });

  it('links ordinary and international numbers, not years or longer numbers', () => {
    expect(links('Call 020 123 4567, 06-12345678 or +31 20 123 4567 (since 2026, case 11234).')).toEqual([
      ['020 123 4567', 'tel:0201234567'],
      ['06-12345678', 'tel:0612345678'],
      ['+31 20 123 4567', 'tel:+31201234567'],
    ]);
  });

  it('keeps web addresses with a path and an explicit scheme', () => {
    expect(links('See www.113.nl/hulp or https://example.org/help.')).toEqual([
      ['www.113.nl/hulp', 'https://www.113.nl/hulp'],
      ['https://example.org/help', 'https://example.org/help'],
    ]);
  });

  it('returns one text part for a text without contacts', () => {
    expect(splitContacts('Talk to someone you trust.')).toEqual([
      { kind: 'text', text: 'Talk to someone you trust.' },
    ]);
  });
});

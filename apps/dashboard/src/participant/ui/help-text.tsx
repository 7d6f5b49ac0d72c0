import { splitContacts } from './contact-links';

export interface HelpTextProps {
  title: string;
  text: string;
}

/**
 * The study's help text after an answer that calls for it (a risk item was endorsed): announced at once
 * (role=alert), headed, boxed, with its phone numbers as `tel:` links that a thumb can reach.
 */
export function HelpText({ title, text }: HelpTextProps) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  return (
    <section className="take-help" role="alert" aria-labelledby="take-help-title">
      <h2 id="take-help-title">{title}</h2>
      {paragraphs.map((paragraph) => (
        <p key={paragraph}>
          {splitContacts(paragraph).map((part, index) =>
            part.kind === 'text' ? (
              part.text
            ) : (
              <a
                key={index}
                className={part.kind === 'phone' ? 'take-help-phone' : undefined}
                href={part.href}
                {...(part.kind === 'web' ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
              >
                {part.text}
              </a>
            ),
          )}
        </p>
      ))}
    </section>
  );
}

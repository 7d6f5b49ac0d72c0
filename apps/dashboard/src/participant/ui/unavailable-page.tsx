import type { UiLanguage } from '../../shared/language';
import { LANGUAGES } from '../../shared/language';
import { message, type FormOfAddress } from '../participant-messages';
import { useFocusHeading } from './use-focus-heading';

export interface UnavailablePageProps {
  /** Shown first; the other language follows, since the link no longer tells which one the person uses. */
  language: UiLanguage;
  /** Of the last study opened on this device ("je" when none). */
  formOfAddress?: FormOfAddress;
}

/** The one calm page for every link that does not open (unknown, expired, revoked, used, session gone). */
export function UnavailablePage({ language, formOfAddress = 'je' }: UnavailablePageProps) {
  const { ref } = useFocusHeading();
  const order = [language, ...LANGUAGES.filter((other) => other !== language)];
  return (
    <main id="main" className="participant-main">
      {order.map((lang, index) => (
        <section key={lang} lang={lang} className="take-message" aria-labelledby={`unavailable-${lang}`}>
          {index === 0 ? (
            <h1 id={`unavailable-${lang}`} ref={ref} tabIndex={-1}>
              {message(lang, 'unavailableTitle', {}, formOfAddress)}
            </h1>
          ) : (
            <h2 id={`unavailable-${lang}`}>{message(lang, 'unavailableTitle', {}, formOfAddress)}</h2>
          )}
          <p>{message(lang, 'unavailableBody', {}, formOfAddress)}</p>
          <p className="take-emphasis">{message(lang, 'unavailableAction', {}, formOfAddress)}</p>
        </section>
      ))}
    </main>
  );
}

import { useI18n } from '../i18n';
import type { Timeline, TimelineEvent } from './monitoring-api';

export interface ParticipantTimelineProps {
  timeline: Timeline;
  /** Timepoint labels by key, in the interface language. */
  timepointLabels: ReadonlyMap<string, string>;
}

/** A participant's events, oldest first. */
export function ParticipantTimeline({ timeline, timepointLabels }: ParticipantTimelineProps) {
  const { t, language, formatDateTime } = useI18n();
  const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const where = (event: TimelineEvent) => {
    if (!event.timepointKey) return null;
    const label = timepointLabels.get(event.timepointKey) ?? event.timepointKey;
    return event.sessionNumber === null
      ? label
      : t('monitoring.timeline.session', { timepoint: label, session: event.sessionNumber });
  };
  return (
    <div className="timeline">
      <h4>
        {t('monitoring.timeline.of', { code: timeline.code })}{' '}
        <span className="muted">· {t(`participants.status.${timeline.status}`)}</span>
      </h4>
      {timeline.consent && (
        <p className={`timeline-consent timeline-consent-${timeline.consent.status}`}>
          <strong>{t('monitoring.timeline.consent')}</strong>{' '}
          {timeline.consent.status === 'none' || timeline.consent.version === null ? (
            t(
              timeline.status === 'withdrawn'
                ? 'monitoring.timeline.consent.withdrawn'
                : 'monitoring.timeline.consent.none',
            )
          ) : (
            <>
              {t('monitoring.timeline.consent.given', { version: timeline.consent.version })}
              {timeline.consent.consentedAt && (
                <>
                  {' '}
                  <time dateTime={timeline.consent.consentedAt}>
                    {formatDateTime(timeline.consent.consentedAt)}
                  </time>
                </>
              )}
              {timeline.consent.status === 'renewal_required'
                ? ` · ${t('monitoring.timeline.consent.renewal', { version: timeline.consent.renewalVersion ?? '' })}`
                : ` · ${t('monitoring.timeline.consent.current')}`}
            </>
          )}
        </p>
      )}
      {timeline.events.length === 0 ? (
        <p className="empty">{t('monitoring.timeline.empty')}</p>
      ) : (
        <ol className="timeline-events">
          {timeline.events.map((event, index) => (
            <li key={`${event.at}-${event.type}-${index}`} className={`timeline-${event.type}`}>
              <time dateTime={event.at}>{format.format(new Date(event.at))}</time>{' '}
              <strong>{t(`monitoring.event.${event.type}`)}</strong>
              {where(event) && <> · {where(event)}</>}
              {event.detail && <span className="muted"> · {event.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

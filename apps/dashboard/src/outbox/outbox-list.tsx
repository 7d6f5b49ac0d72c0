import { useI18n } from '../i18n';
import type { StaffMember } from '../setup/setup-api';
import type { OutboxMessage } from './outbox-api';

export interface OutboxListProps {
  messages: readonly OutboxMessage[];
  /** Timepoint labels by id, in the interface language. */
  timepointLabels: ReadonlyMap<string, string>;
  /** The institution's staff by user id: who a safety e-mail went to. */
  staff: ReadonlyMap<string, StaffMember>;
  /** The study's safety contact, named as such among the recipients. */
  safetyContactUserId: string | null;
}

/**
 * The messages, newest first; each opens to its full text (which holds the link while it waits). Safety e-mails go
 * to staff: they say to whom and why, and hold no answers (the API writes none into them).
 */
export function OutboxList({ messages, timepointLabels, staff, safetyContactUserId }: OutboxListProps) {
  const { t, language } = useI18n();
  const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{format.format(new Date(iso))}</time> : '—';
  return (
    <div className="data-table-wrap">
      <table className="data-table outbox-table">
        <thead>
          <tr>
            <th scope="col">{t('outbox.column.scheduledFor')}</th>
            <th scope="col">{t('outbox.column.participant')}</th>
            <th scope="col">{t('outbox.column.kind')}</th>
            <th scope="col">{t('outbox.column.to')}</th>
            <th scope="col">{t('outbox.column.status')}</th>
            <th scope="col">{t('outbox.column.message')}</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id}>
              <td>{when(message.scheduledFor)}</td>
              <th scope="row">{message.participantCode}</th>
              <td>
                {message.kind === 'invitation' && t('outbox.kind.invitation')}
                {message.kind === 'reminder' && t('outbox.kind.reminderNumber', { number: message.sequence })}
                {(message.kind === 'safety_signal' || message.kind === 'safety_escalation') && (
                  <>
                    <span className="badge badge-safety">{t(`outbox.kind.${message.kind}`)}</span>
                    <span className="muted"> · {t(`outbox.why.${message.kind}`)}</span>
                  </>
                )}
                {message.timepointId && (
                  <span className="muted"> · {timepointLabels.get(message.timepointId) ?? ''}</span>
                )}
              </td>
              <td>
                {message.recipientUserId && (
                  <StaffRecipient
                    member={staff.get(message.recipientUserId)}
                    safetyContact={message.recipientUserId === safetyContactUserId}
                  />
                )}
                {message.to ?? <span className="muted">{t('outbox.erased')}</span>}
              </td>
              <td>
                <span className={`badge badge-message-${message.status}`}>
                  {t(`outbox.status.${message.status}`)}
                </span>
                {message.status === 'sent' && <> {when(message.sentAt)}</>}
                {message.lastError && (
                  <span className="muted">
                    {' '}
                    · {t('outbox.attempts', { count: message.attempts })}: {message.lastError}
                  </span>
                )}
                {message.nextAttemptAt && message.status === 'failed' && (
                  <span className="muted">
                    {' '}
                    · {t('outbox.retryAt')} {when(message.nextAttemptAt)}
                  </span>
                )}
                {message.cancelReason && <span className="muted"> · {message.cancelReason}</span>}
              </td>
              <td>
                <details>
                  <summary>{message.subject}</summary>
                  <pre className="message-body" lang={message.language}>
                    {message.body}
                  </pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who a staff e-mail went to: name and role, and whether as the study's safety contact. */
function StaffRecipient({
  member,
  safetyContact,
}: {
  member: StaffMember | undefined;
  safetyContact: boolean;
}) {
  const { t } = useI18n();
  return (
    <span className="outbox-recipient">
      <strong>{member ? member.displayName : t('outbox.staffMember')}</strong>
      {member && <span className="muted"> · {t(`role.${member.role}`)}</span>}
      {safetyContact && <span className="muted"> · {t('outbox.safetyContact')}</span>}
      <br />
    </span>
  );
}

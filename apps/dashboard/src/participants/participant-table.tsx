import { Fragment, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Cohort } from '../setup/setup-api';
import type { Invitation, Member, Participant } from './participants-api';

export interface ParticipantTableProps {
  participants: readonly Participant[];
  total: number;
  cohorts: readonly Cohort[];
  practitioners: readonly Member[];
  invitations: readonly Invitation[];
  loadingMore: boolean;
  onLoadMore(): void;
  /** What a row opens: the participant's links and contact details. */
  renderDetails(participant: Participant, invitations: Invitation[]): ReactNode;
}

/** The enrolled participants; each row opens that participant's invitation links. */
export function ParticipantTable(props: ParticipantTableProps) {
  const { t, formatDate } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const cohortName = new Map(props.cohorts.map((cohort) => [cohort.id, cohort.name]));
  const practitionerName = new Map(props.practitioners.map((member) => [member.userId, member.displayName]));
  const columns = 7;

  if (props.participants.length === 0) return <p className="empty">{t('participants.list.empty')}</p>;
  return (
    <>
      <div className="data-table-wrap">
        <table className="data-table participant-table">
          <caption>
            {t('participants.list.caption', { shown: props.participants.length, total: props.total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.list.code')}</th>
              <th scope="col">{t('participants.enrol.cohort')}</th>
              <th scope="col">{t('participants.enrol.practitioner')}</th>
              <th scope="col">{t('participants.list.status')}</th>
              <th scope="col">{t('participants.list.enrolled')}</th>
              <th scope="col" className="number">
                {t('participants.list.links')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('participants.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.participants.map((participant) => {
              const expanded = open === participant.id;
              const panelId = `links-${participant.id}`;
              const links = props.invitations.filter(
                (invitation) => invitation.participantId === participant.id,
              );
              return (
                <Fragment key={participant.id}>
                  <tr>
                    <th scope="row">{participant.code}</th>
                    <td>{cohortName.get(participant.cohortId) ?? '—'}</td>
                    <td>
                      {participant.practitionerId
                        ? (practitionerName.get(participant.practitionerId) ?? '—')
                        : '—'}
                    </td>
                    <td>{t(`participants.status.${participant.status}`)}</td>
                    <td>
                      <time dateTime={participant.enrolledAt}>{formatDate(participant.enrolledAt)}</time>
                    </td>
                    <td className="number">{links.length}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        aria-expanded={expanded}
                        aria-controls={expanded ? panelId : undefined}
                        onClick={() => setOpen(expanded ? null : participant.id)}
                      >
                        {t('participants.list.details')}
                        <span className="visually-hidden">
                          {' '}
                          {t('participants.list.detailsOf', { code: participant.code })}
                        </span>
                      </button>
                    </td>
                  </tr>
                  {expanded && (
                    <tr id={panelId}>
                      <td colSpan={columns}>{props.renderDetails(participant, links)}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.participants.length < props.total && (
        <button type="button" className="button" disabled={props.loadingMore} onClick={props.onLoadMore}>
          {t('participants.list.more')}
        </button>
      )}
    </>
  );
}

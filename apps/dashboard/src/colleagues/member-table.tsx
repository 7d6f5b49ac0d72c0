import { useId } from 'react';
import type { Role } from '../api/types';
import { useI18n, type MessageKey } from '../i18n';
import { ROLES, type Colleague } from './colleagues-api';

export interface MemberTableProps {
  institutionName: string;
  members: readonly Colleague[];
  currentUserId: string;
  /** The member whose role change is on its way, if any. */
  busyUserId: string | null;
  onChangeRole(member: Colleague, role: Role): void;
}

const STATUS_KEYS: Partial<Record<string, MessageKey>> = {
  active: 'colleagues.memberStatus.active',
  invited: 'colleagues.memberStatus.invited',
  disabled: 'colleagues.memberStatus.disabled',
};

/** The members of the institution; each role is a select that saves on change (not your own). */
export function MemberTable({
  institutionName,
  members,
  currentUserId,
  busyUserId,
  onChangeRole,
}: MemberTableProps) {
  const { t } = useI18n();
  const id = useId();
  const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
  const ownRow = members.some((member) => member.userId === currentUserId);

  return (
    <>
      <div className="data-table-wrap">
        <table className="data-table member-table">
          <caption>
            {t('colleagues.members.caption', { institution: institutionName, count: members.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('colleagues.name')}</th>
              <th scope="col">{t('colleagues.email')}</th>
              <th scope="col">{t('colleagues.role')}</th>
              <th scope="col">{t('colleagues.status')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const own = member.userId === currentUserId;
              const statusKey = STATUS_KEYS[member.status];
              return (
                <tr key={member.userId}>
                  <th scope="row">
                    {member.displayName} {own && <span className="muted">{t('colleagues.you')}</span>}
                  </th>
                  <td className="member-email">{member.email}</td>
                  <td>
                    {own ? (
                      <span aria-describedby={`${id}-own-role`}>{t(`role.${member.role}`)}</span>
                    ) : (
                      <>
                        <label htmlFor={`${id}-${member.userId}`} className="visually-hidden">
                          {t('colleagues.roleOf', { name: member.displayName })}
                        </label>
                        <select
                          id={`${id}-${member.userId}`}
                          value={member.role}
                          disabled={busyUserId !== null}
                          aria-busy={busyUserId === member.userId || undefined}
                          onChange={(event) => {
                            if (isRole(event.target.value)) onChangeRole(member, event.target.value);
                          }}
                        >
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {t(`role.${role}`)}
                            </option>
                          ))}
                        </select>
                      </>
                    )}
                  </td>
                  <td>{statusKey ? t(statusKey) : member.status}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {ownRow && (
        <p className="muted field-hint" id={`${id}-own-role`}>
          {t('colleagues.ownRoleNote')}
        </p>
      )}
    </>
  );
}

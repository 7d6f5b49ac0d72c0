import { useId } from 'react';
import type { Membership, Session } from '../api/types';
import { LanguageSwitch, useI18n } from '../i18n';
import { Link, usePathname } from '../router';

export interface AppHeaderProps {
  session: Session;
  activeMembership: Membership | undefined;
  busy: boolean;
  onSwitchInstitution(institutionId: string): void;
  onLogout(): void;
}

export function AppHeader({
  session,
  activeMembership,
  busy,
  onSwitchInstitution,
  onLogout,
}: AppHeaderProps) {
  const { t } = useI18n();
  const institutionId = useId();
  const hasChoice = session.memberships.length > 1;
  const pathname = usePathname();
  const links = [
    { to: '/needs-attention', label: t('header.needsAttention') },
    ...(activeMembership?.role === 'institution_admin'
      ? [{ to: '/colleagues', label: t('header.colleagues') }]
      : []),
    { to: '/account/sessions', label: t('header.sessions') },
  ];

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <div className="header-context">
          {hasChoice ? (
            <div className="institution-switch">
              <label htmlFor={institutionId}>{t('header.institution')}</label>
              <select
                id={institutionId}
                value={session.activeInstitutionId}
                disabled={busy}
                onChange={(event) => onSwitchInstitution(event.target.value)}
              >
                {session.memberships.map((membership) => (
                  <option key={membership.institutionId} value={membership.institutionId}>
                    {membership.institutionName}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="institution-name">
              <span className="visually-hidden">{t('header.institution')}: </span>
              {activeMembership?.institutionName}
            </p>
          )}
          {activeMembership && (
            <p className="role">
              <span className="visually-hidden">{t('header.role')}: </span>
              <span className="badge badge-role">{t(`role.${activeMembership.role}`)}</span>
            </p>
          )}
          <p className="signed-in-as">{t('header.signedInAs', { name: session.user.displayName })}</p>
        </div>
        <nav className="header-nav" aria-label={t('header.account')}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <Link to={link.to} aria-current={pathname === link.to ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-account">
          <LanguageSwitch />
          <button type="button" className="button" onClick={onLogout} disabled={busy}>
            {t('header.logout')}
          </button>
        </div>
      </div>
    </header>
  );
}

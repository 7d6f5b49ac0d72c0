import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { AuditService, staff } from '../audit/audit.service';
import type { AuthContext, Role } from '../common/current-auth';
import { AppError } from '../common/app-error';
import { createToken, hashToken } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenancyService } from '../database/tenancy.service';
import { StaffInvitationMailer } from '../users/staff-invitation-mail';
import { User } from '../users/user.entity';
import type { InviteUserDto, MemberDto, PendingInvitationDto, StaffInvitationDto } from './dto/staff.dto';
import { Institution } from './institution.entity';
import { Membership } from './membership.entity';
import { StaffInvitation } from './staff-invitation.entity';

const INVITATION_DAYS = 7;

/**
 * Staff of the active institution: list, invite, change roles. Everything runs as the tenant, so row-level
 * security limits it to this institution's memberships, invitations and (through the memberships) users: an
 * admin can neither see nor touch an account that is not already a colleague. A colleague joins only by
 * accepting the link mailed to their address (AuthService.acceptInvitation); no admin ever sets a password.
 */
@Injectable()
export class StaffService {
  private readonly logger = new Logger('StaffInvitations');

  constructor(
    private readonly tenancy: TenancyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mail: StaffInvitationMailer,
  ) {}

  list(auth: AuthContext, role?: Role): Promise<MemberDto[]> {
    return this.tenancy.run(auth, (m) => this.members(m, auth.institutionId, role));
  }

  /**
   * Invites an address to the institution and mails it the link. The answer is the same whether or not the
   * address has an account anywhere (only a colleague already here is a 409). A new invitation to the same
   * address replaces a pending one. When the mail cannot be sent, the invitation is withdrawn again (502).
   */
  async invite(auth: AuthContext, body: InviteUserDto): Promise<StaffInvitationDto> {
    this.mail.assertCanDeliver();
    const email = body.email.trim().toLowerCase();
    const token = createToken();
    const { invitation, institutionName } = await this.tenancy.run(auth, async (m) => {
      const [{ member }] = (await m.query(
        `SELECT EXISTS (SELECT 1 FROM memberships ms JOIN users u ON u.id = ms.user_id
                         WHERE ms.institution_id = $1 AND u.email = $2) AS member`,
        [auth.institutionId, email],
      )) as { member: boolean }[];
      if (member)
        throw AppError.conflict('already_member', `${email} is already a member of this institution`);
      await m.query(
        `UPDATE staff_invitations SET revoked_at = now()
          WHERE institution_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [auth.institutionId, email],
      );
      const created = await m.save(
        m.create(StaffInvitation, {
          institutionId: auth.institutionId,
          email,
          displayName: body.displayName?.trim() || null,
          role: body.role,
          tokenHash: hashToken(token),
          invitedById: auth.userId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
          acceptedAt: null,
          revokedAt: null,
        }),
      );
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'user.invited',
        target: { type: 'staff_invitation', id: created.id },
        details: { role: body.role },
      });
      const institution = await m.findOneOrFail(Institution, { where: { id: auth.institutionId } });
      return { invitation: created, institutionName: institution.name };
    });
    try {
      await this.mail.deliver({
        to: email,
        institutionName,
        role: invitation.role,
        link: `${this.config.publicUrl}/accept-invitation#${token}`,
        expiresAt: invitation.expiresAt,
      });
    } catch (error) {
      this.logger.error(
        `staff invitation ${invitation.id} could not be mailed; withdrawn`,
        error instanceof Error ? error.stack : String(error),
      );
      await this.revoke(auth, invitation.id, 'mail_failed');
      throw new AppError(
        HttpStatus.BAD_GATEWAY,
        'mail_failed',
        'The invitation e-mail could not be sent, so the invitation was withdrawn; try again later',
      );
    }
    return {
      invitationId: invitation.id,
      email,
      displayName: invitation.displayName,
      role: invitation.role,
      status: 'invited',
      expiresAt: invitation.expiresAt,
    };
  }

  /** Pending (not accepted, not withdrawn) invitations of the institution, newest first. */
  listInvitations(auth: AuthContext): Promise<PendingInvitationDto[]> {
    return this.tenancy.run(auth, async (m) => {
      const rows = await m.find(StaffInvitation, {
        where: { institutionId: auth.institutionId, acceptedAt: IsNull(), revokedAt: IsNull() },
        order: { createdAt: 'DESC' },
      });
      const now = Date.now();
      return rows.map((row) => ({
        id: row.id,
        email: row.email,
        displayName: row.displayName,
        role: row.role,
        createdAt: row.createdAt,
        expiresAt: row.expiresAt,
        expired: row.expiresAt.getTime() <= now,
      }));
    });
  }

  /** Withdraws a pending invitation: its link stops working at once. */
  async revokeInvitation(auth: AuthContext, invitationId: string): Promise<void> {
    if (!(await this.revoke(auth, invitationId, 'revoked'))) throw AppError.notFound('Invitation');
  }

  private revoke(
    auth: AuthContext,
    invitationId: string,
    reason: 'revoked' | 'mail_failed',
  ): Promise<boolean> {
    return this.tenancy.run(auth, async (m) => {
      const [, affected] = (await m.query(
        `UPDATE staff_invitations SET revoked_at = now()
          WHERE id = $1 AND institution_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [invitationId, auth.institutionId],
      )) as [unknown[], number];
      if (affected !== 1) return false;
      await this.audit.record(m, {
        actor: staff(auth),
        action: 'user.invitation_revoked',
        target: { type: 'staff_invitation', id: invitationId },
        details: { reason },
      });
      return true;
    });
  }

  async changeRole(auth: AuthContext, userId: string, role: Role): Promise<MemberDto> {
    return this.tenancy.run(auth, async (m) => {
      const membership = await m.findOne(Membership, {
        where: { userId, institutionId: auth.institutionId },
      });
      if (!membership) throw AppError.notFound('User');
      if (membership.role === 'institution_admin' && role !== 'institution_admin') {
        // Lock the admins' rows so two simultaneous demotions cannot both see a second admin.
        const admins = (
          await m.query(
            `SELECT id FROM memberships WHERE institution_id = $1 AND role = 'institution_admin' FOR UPDATE`,
            [auth.institutionId],
          )
        ).length;
        if (admins <= 1) throw AppError.conflict('last_admin', 'An institution needs at least one admin');
      }
      await m.update(Membership, membership.id, { role });
      if (membership.role !== role) {
        await this.audit.record(m, {
          actor: staff(auth),
          action: 'user.role_changed',
          target: { type: 'user', id: userId },
          details: { from: membership.role, to: role },
        });
      }
      const [member] = await this.members(m, auth.institutionId, undefined, userId);
      return member;
    });
  }

  private members(
    m: EntityManager,
    institutionId: string,
    role?: Role,
    userId?: string,
  ): Promise<MemberDto[]> {
    const query = m
      .createQueryBuilder(Membership, 'membership')
      .innerJoin(User, 'user', 'user.id = membership.user_id')
      .select([
        'user.id AS "userId"',
        'user.email AS "email"',
        'user.display_name AS "displayName"',
        'user.status AS "status"',
        'membership.role AS "role"',
      ])
      .where('membership.institution_id = :institutionId', { institutionId })
      .orderBy('user.display_name', 'ASC');
    if (role) query.andWhere('membership.role = :role', { role });
    if (userId) query.andWhere('user.id = :userId', { userId });
    return query.getRawMany<MemberDto>();
  }
}

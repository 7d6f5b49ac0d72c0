import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, staff } from '../audit/audit.service';
import { PasswordService } from '../auth/password.service';
import type { AuthContext } from '../auth/auth-context';
import { AppError } from '../common/app-error';
import { createToken, hashToken } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { enterTenant, TenancyService } from '../database/tenancy.service';
import { Membership, type Role } from '../institutions/membership.entity';
import type { CreateUserDto, CreatedMemberDto, MemberDto } from './dto/users.dto';
import { StaffInvitation } from './staff-invitation.entity';
import { User } from './user.entity';

const INVITATION_DAYS = 7;

/** Staff of the active institution: list, add (with a password or by invitation), change roles. */
@Injectable()
export class UsersService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly passwords: PasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  list(auth: AuthContext, role?: Role): Promise<MemberDto[]> {
    return this.tenancy.run(auth, (m) => this.members(m, auth.institutionId, role));
  }

  async create(auth: AuthContext, body: CreateUserDto): Promise<CreatedMemberDto> {
    const email = body.email.trim().toLowerCase();
    const passwordHash = body.password ? await this.passwords.hash(body.password) : null;
    return this.tenancy.runAsSystem(async (m) => {
      // Users are global (one login, several institutions); the membership is the tenant's row.
      let user = await m.findOne(User, { where: { email } });
      if (!user) {
        user = await m.save(
          m.create(User, {
            email,
            displayName: body.displayName,
            passwordHash,
            status: passwordHash ? 'active' : 'invited',
          }),
        );
      }
      // A new user without a password, or one still pending elsewhere, is invited; an active user joins at once.
      const invitationToken = user.status === 'invited' ? createToken() : undefined;
      await enterTenant(m, auth);
      const existing = await m.findOne(Membership, { where: { userId: user.id, institutionId: auth.institutionId } });
      if (existing) throw AppError.conflict('already_member', `${email} is already a member of this institution`);
      if (invitationToken) {
        await m.insert(StaffInvitation, {
          institutionId: auth.institutionId,
          userId: user.id,
          role: body.role,
          tokenHash: hashToken(invitationToken),
          invitedById: auth.userId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        });
      } else {
        await m.insert(Membership, { userId: user.id, institutionId: auth.institutionId, role: body.role });
      }
      await this.audit.record(m, {
        actor: staff(auth),
        action: invitationToken ? 'user.invited' : 'user.created',
        target: { type: 'user', id: user.id },
        details: { role: body.role },
      });
      return {
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
        status: user.status,
        role: body.role,
        ...(invitationToken ? { invitationUrl: `${this.config.publicUrl}/accept-invitation#${invitationToken}` } : {}),
      };
    });
  }

  async changeRole(auth: AuthContext, userId: string, role: Role): Promise<MemberDto> {
    return this.tenancy.run(auth, async (m) => {
      const membership = await m.findOne(Membership, { where: { userId, institutionId: auth.institutionId } });
      if (!membership) throw AppError.notFound('User');
      if (membership.role === 'institution_admin' && role !== 'institution_admin') {
        // Lock the admins' rows so two simultaneous demotions cannot both see a second admin.
        const admins = (
          await m.query(`SELECT id FROM memberships WHERE institution_id = $1 AND role = 'institution_admin' FOR UPDATE`, [
            auth.institutionId,
          ])
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

  private members(m: EntityManager, institutionId: string, role?: Role, userId?: string): Promise<MemberDto[]> {
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

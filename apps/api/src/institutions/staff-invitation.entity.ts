import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { Role } from '../common/current-auth';
import { Institution } from './institution.entity';

/**
 * An admin's invitation for an e-mail address to join the institution. It names no account: whoever holds the
 * link that was mailed to the address accepts it, with a new password or with the password of the account that
 * already has the address. Only the token's hash is kept.
 */
@Entity('staff_invitations')
@Index('IDX_staff_invitations_pending_email', ['institutionId', 'email'], {
  unique: true,
  where: '"accepted_at" IS NULL AND "revoked_at" IS NULL',
})
export class StaffInvitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @ManyToOne(() => Institution, { onDelete: 'CASCADE' })
  institution?: Relation<Institution>;

  /** Lower-case, as the account's e-mail would be. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** The name the admin suggested, offered to a new account; an existing account keeps its own. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  displayName!: string | null;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  invitedById!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  /** Withdrawn by an admin, or replaced by a newer invitation to the same address. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

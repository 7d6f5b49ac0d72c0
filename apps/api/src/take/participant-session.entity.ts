import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Invitation } from '../invitations/invitation.entity';

/** A participant's browser session on one invitation; the cookie holds a random token, this table its hash. */
@Entity('participant_sessions')
export class ParticipantSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId!: string;

  @Column({ type: 'uuid' })
  invitationId!: string;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE' })
  invitation?: Relation<Invitation>;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: 'nl' | 'en';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';

/** A staff login session; the cookie holds a random token, the table only its SHA-256 hash. */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  @Index()
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: Relation<User>;

  @Column({ type: 'uuid' })
  activeInstitutionId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  @Index('IDX_sessions_expires_at')
  expiresAt!: Date;

  /** The browser's User-Agent at login (shortened), so the user can tell their sessions apart. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  userAgent!: string | null;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A care or research institution: the tenant. */
@Entity('institutions')
export class Institution {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  slug!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DatabaseConnection } from './database-connection';
import { TenancyService } from './tenancy.service';

export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

/**
 * Wires an already opened database (see openDatabase) into TypeORM, so it is opened exactly once. Whoever opened
 * it closes it after the application has closed (TypeORM ends its pool first). The entities are those the feature
 * modules register with `TypeOrmModule.forFeature` (each module lists the tables it owns), so this folder imports
 * none of them.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(connection: DatabaseConnection): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...connection.options, autoLoadEntities: true, retryAttempts: 0 })],
      providers: [{ provide: DATABASE_CONNECTION, useValue: connection }, TenancyService],
      exports: [DATABASE_CONNECTION, TenancyService],
    };
  }
}

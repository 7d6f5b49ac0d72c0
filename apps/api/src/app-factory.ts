import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import compression from 'compression';
import helmet from 'helmet';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { correlationId } from './common/correlation-id.middleware';
import { createValidationPipe } from './common/validation';
import type { AppConfig, LogLevelName } from './config/app-config';
import { openDatabase, type DatabaseConnection } from './database/database-connection';
import { DemoService, type DemoSeedResult } from './demo/demo.service';
import { serveDashboard } from './dashboard-static';
import { registerTakeEntry } from './take/take-entry';

const LEVELS: LogLevelName[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export interface KlikApp {
  app: INestApplication;
  connection: DatabaseConnection;
  demo: DemoSeedResult | null;
  /** Closes the HTTP server, TypeORM's pool, then the embedded engine. */
  close(): Promise<void>;
}

/** Builds the whole application: database, migrations, demo seed, middleware, OpenAPI and the dashboard. */
export async function createKlikApp(config: AppConfig, progress: (step: string) => void = () => undefined): Promise<KlikApp> {
  progress(config.database.kind === 'embedded' ? `opening the embedded database in ${config.database.dataDir}` : 'connecting to PostgreSQL');
  const connection = await openDatabase(config.database);
  const logger: LogLevel[] = LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1);
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, connection), {
      logger,
      bodyParser: false,
    });
  } catch (error) {
    await connection.close();
    throw error;
  }
  configureApp(app, config);
  await app.init();

  const dataSource = app.get(DataSource);
  if (config.migrateOnBoot) {
    progress('running pending migrations');
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    if (ran.length > 0) progress(`applied migrations ${ran.map((m) => m.name).join(', ')}`);
  }
  let demo: DemoSeedResult | null = null;
  if (config.seedDemo) {
    progress('checking the demo data');
    demo = await app.get(DemoService).seedOnce();
  }
  return {
    app,
    connection,
    demo,
    close: async () => {
      await app.close();
      await connection.close();
    },
  };
}

/** Middleware, validation, errors, OpenAPI and static files: shared by the server and the HTTP tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(correlationId);
  app.use(
    helmet({
      referrerPolicy: { policy: 'no-referrer' },
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: config.cookieSecure ? [] : null,
        },
      },
    }),
  );
  // The participant page's JSON (the state carries every questionnaire in each study language) on a slow phone
  // connection: brotli or gzip from 1 kB. Only there: those bodies hold no secret for a compression side channel
  // (BREACH) to guess at. The built files come precompressed (dashboard-static.ts).
  app.use('/api/take', compression({ threshold: 1024 }));
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Klik API')
      .setDescription(
        'Studies, cohorts, protocols, participants and invitation links for research on the therapeutic alliance. ' +
          'Log in with POST /api/auth/login; the session travels in the HttpOnly `klik_session` cookie. ' +
          'Every error has the body { statusCode, code, message, errors?, correlationId? }.',
      )
      .setVersion(config.version)
      .addCookieAuth('klik_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  registerTakeEntry(app, config);
  serveDashboard(app, config.dashboardDir);
}

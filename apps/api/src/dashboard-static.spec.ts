import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { CACHE_HTML, CACHE_IMMUTABLE, pickEncoding, serveDashboard } from './dashboard-static';

describe('pickEncoding', () => {
  const both = ['br', 'gzip'] as const;

  it('prefers brotli whenever the client accepts it, whatever the order it names them in', () => {
    expect(pickEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(pickEncoding('gzip;q=1.0, br;q=0.5', both)).toBe('br');
    expect(pickEncoding('*', both)).toBe('br');
  });

  it('falls back to gzip, and to none', () => {
    expect(pickEncoding('gzip, deflate', both)).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip', both)).toBe('gzip');
    expect(pickEncoding('deflate', both)).toBeNull();
    expect(pickEncoding('identity', both)).toBeNull();
    expect(pickEncoding(undefined, both)).toBeNull();
    expect(pickEncoding('*, br;q=0, gzip;q=0', both)).toBeNull();
    expect(pickEncoding('br', ['gzip'])).toBeNull();
  });
});

describe('serveDashboard', () => {
  const script = 'console.log("the participant page");\n'.repeat(200);
  let dashboardDir: string;
  let app: express.Express;

  beforeAll(() => {
    dashboardDir = mkdtempSync(path.join(tmpdir(), 'klik-dashboard-'));
    mkdirSync(path.join(dashboardDir, 'assets'));
    writeFileSync(path.join(dashboardDir, 'index.html'), '<!doctype html><title>research</title>');
    writeFileSync(path.join(dashboardDir, 'take.html'), '<!doctype html><title>take</title>');
    writeFileSync(path.join(dashboardDir, 'secret.txt'), 'not an asset');
    const asset = path.join(dashboardDir, 'assets', 'participant-AbC_d-12.js');
    writeFileSync(asset, script);
    writeFileSync(`${asset}.br`, brotliCompressSync(script));
    writeFileSync(`${asset}.gz`, gzipSync(script));
    writeFileSync(path.join(dashboardDir, 'assets', 'plain-XyZ_d-34.css'), 'body { color: black }');
    app = express();
    serveDashboard(app as unknown as NestExpressApplication, dashboardDir);
  });

  afterAll(() => rmSync(dashboardDir, { recursive: true, force: true }));

  it('answers with the brotli copy of a hashed asset, its own type, Vary and a year of immutable caching', async () => {
    const response = await request(app)
      .get('/assets/participant-AbC_d-12.js')
      .set('Accept-Encoding', 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.headers['cache-control']).toBe(CACHE_IMMUTABLE);
    // supertest decodes the brotli body: what arrives is the file.
    expect(response.text).toBe(script);
    expect(Number(response.headers['content-length'])).toBeLessThan(script.length / 10);
  });

  it('answers with gzip to a client without brotli, and with the plain file to one without either', async () => {
    const gzip = await request(app).get('/assets/participant-AbC_d-12.js').set('Accept-Encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(script);

    const plain = await request(app)
      .get('/assets/participant-AbC_d-12.js')
      .set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(plain.headers['cache-control']).toBe(CACHE_IMMUTABLE);
    expect(plain.text).toBe(script);
  });

  it('serves an asset without copies as it is, still cached as immutable', async () => {
    const response = await request(app).get('/assets/plain-XyZ_d-34.css').set('Accept-Encoding', 'br');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['cache-control']).toBe(CACHE_IMMUTABLE);
  });

  it('revalidates the HTML on every load', async () => {
    const take = await request(app).get('/take');
    expect(take.text).toContain('<title>take</title>');
    expect(take.headers['cache-control']).toBe(CACHE_HTML);
    const research = await request(app).get('/studies/123');
    expect(research.text).toContain('<title>research</title>');
    expect(research.headers['cache-control']).toBe(CACHE_HTML);
  });

  it('never serves a file outside assets through the precompressed path', async () => {
    const response = await request(app).get('/assets/%2e%2e/secret.txt.br').set('Accept-Encoding', 'br');
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});

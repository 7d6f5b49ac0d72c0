import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// The folder rule of `npm run lint` (apps/api/.dependency-cruiser.cjs), run as CI runs it, on the API and on two
// small made-up trees: one with a cycle between two folders, one without.
const repo = join(__dirname, '../../..');
const config = join(repo, 'apps/api/.dependency-cruiser.cjs');
const depcruise = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function cruise(cwd: string): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [depcruise, 'apps/api/src', '--config', config, '--output-type', 'err'],
    {
      cwd,
      encoding: 'utf8',
      // Nx and CI set FORCE_COLOR; the messages are matched as plain text.
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    },
  );
  // eslint-disable-next-line no-control-regex
  const plain = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: run.status, output: plain };
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'klik-folder-cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('no import cycle between the folders of apps/api/src', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('holds for the API', () => {
    const { status, output } = cruise(repo);
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('fails on a new cycle between two folders, even when one side only imports a type', () => {
    const root = tree({
      'apps/api/src/alpha/alpha.service.ts':
        "import { betaName } from '../beta/beta';\nexport const alpha = () => betaName;\n",
      'apps/api/src/alpha/alpha.types.ts': 'export interface Alpha { id: string }\n',
      'apps/api/src/beta/beta.ts':
        "import type { Alpha } from '../alpha/alpha.types';\nexport const betaName = 'beta';\nexport type Beta = Alpha;\n",
    });
    made.push(root);
    const { status, output } = cruise(root);
    expect(status).not.toBe(0);
    expect(output).toMatch(/no-folder-cycle: apps\/api\/src\/(alpha|beta)/);
  });

  it('passes when the same folders depend one way', () => {
    const root = tree({
      'apps/api/src/alpha/alpha.service.ts':
        "import { betaName } from '../beta/beta';\nexport const alpha = () => betaName;\n",
      'apps/api/src/beta/beta.ts': "export const betaName = 'beta';\n",
    });
    made.push(root);
    const { status, output } = cruise(root);
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });
});

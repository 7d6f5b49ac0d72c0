import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Issue 16: a domain rule has one home. These checks read the API's source, so that a new query or service cannot
 * quietly spell a rule again: "who counts" (withdrawn participants are left out) lives in the
 * `eligible_participants` view (migration 1764400000009) and `isEligible` (participant.entity.ts); a participant's
 * pre and post measure in libs/survey-model `outcomePair`, through apps/api/src/outcomes.
 */
const SOURCE = path.join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [full] : [];
  });
}

const files = sourceFiles(SOURCE).map((file) => ({
  file: path.relative(SOURCE, file),
  text: readFileSync(file, 'utf8'),
}));
const hits = (pattern: RegExp, allowed: string[]) =>
  files.filter(({ file, text }) => !allowed.includes(file) && pattern.test(text)).map(({ file }) => file);

describe('one rule in one place (source checks)', () => {
  it('reads the source it checks', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some(({ text }) => text.includes('eligible_participants'))).toBe(true);
  });

  it('no SQL spells the withdrawal rule: queries read eligible_participants', () => {
    // `status = 'active'`, `status <> 'withdrawn'` and the like, in SQL (single =, <>, !=).
    const sql = /status\s*(?:=|<>|!=)\s*'(?:active|withdrawn)'/;
    expect(hits(sql, ['database/migrations/1764400000009-eligible-participants.ts'])).toEqual([]);
    // Participants read with a status condition of their own instead of through the view.
    expect(hits(/JOIN participants p\b[^`]*p\.status/, [])).toEqual([]);
  });

  it('no TypeORM query filters participants by status: they read eligible_participants', () => {
    // `m.find(Participant, { where: { …, status: 'active' } })` and the like.
    const typeorm = /(?:find|findOne|count|exists)\w*\(\s*Participant\b[^;]*status\s*:/s;
    expect(hits(typeorm, [])).toEqual([]);
  });

  it('no service compares a participant status itself: isEligible does', () => {
    const compare = /participant\??\.status\s*(?:===|!==)/;
    expect(hits(compare, ['participants/participant.entity.ts'])).toEqual([]);
  });

  it('no consumer picks a pre or post measure by timepoint kind itself: the outcome module does', () => {
    // The old copies: `row.timepointKind === 'end'`, `timepointKind === 'baseline'` to find pre/post measures.
    const pick = /timepointKind\s*===\s*'(?:end|baseline)'/;
    expect(hits(pick, [])).toEqual([]);
  });
});

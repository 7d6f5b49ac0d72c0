import { omegaHierarchical } from './omega-hierarchical';
import { exploratoryFactorAnalysis } from './exploratory-factor-analysis';
import { expectAllRelative, expectRelative } from '../../test/expect-relative';
import {
  expectAbsolute,
  readCsvFixture,
  reportWorst,
  scaleValidationFixture,
} from '../../test/scale-validation-fixture';

const cases = scaleValidationFixture().omega;

afterAll(reportWorst);

/** Loadings of the group factors on g, sorted by absolute value (the factor order differs from psych's). */
const sortedAbsolute = (values: readonly number[]) => values.map(Math.abs).sort((a, b) => a - b);

describe('omegaHierarchical', () => {
  // Expected values (reference/scale-validation.R):
  // - `psych`: psych::omega(x, nfactors, fm = 'minres') with its defaults (psych stops its optimisers about 1e-5
  //   short, which moves omega_h by up to 8e-6 on these fixtures);
  // - `converged`: the same steps (psych's schmid and omegah, copied and checked against psych's output on psych's
  //   own oblique solution) on psych's criteria solved to convergence, oblimin from psych's varimax start.
  it.each(cases.map((c) => [c.name, c] as const))('matches psych::omega on %s', (_name, fixture) => {
    const result = omegaHierarchical(readCsvFixture(fixture.file), { groupFactors: fixture.groupFactors });
    const converged = fixture.converged;
    expect(result.n).toBe(fixture.n);
    expect(result.converged).toBe(true);
    expectRelative(result.omegaHierarchical, converged.omegaHierarchical, 1e-8, 'omega_h vs converged');
    expectRelative(result.omegaTotal, converged.omegaTotal, 1e-12, 'omega total vs converged');
    expectRelative(result.omegaLimit, converged.omegaLimit, 1e-8, 'omega limit vs converged');
    expectRelative(
      result.explainedCommonVariance,
      converged.explainedCommonVariance,
      1e-8,
      'ECV vs converged',
    );
    expectAbsolute(result.generalLoadings, converged.generalLoadings, 1e-7, 'general loadings vs converged');
    expectAllRelative(result.communalities, converged.communalities, 1e-12, 'communalities');
    expectAbsolute(
      sortedAbsolute(result.generalLoadingsOfGroupFactors),
      sortedAbsolute(converged.generalLoadingsOfGroupFactors),
      1e-7,
      'g loadings of the group factors vs converged',
    );
    expect(result.reversed).toEqual(converged.reversed);
    expect(result.reversed).toEqual(fixture.psych.reversed);

    // Group factors: matched to psych's by the items assigned to them.
    expect(result.groups).toHaveLength(fixture.groupFactors);
    for (const group of result.groups) {
      const same = converged.groups.find(
        (other) => JSON.stringify(other.items) === JSON.stringify(group.items),
      );
      expect(same).toBeDefined();
      expectRelative(group.total, same?.total ?? NaN, 1e-8, 'group omega total');
      expectRelative(group.general, same?.general ?? NaN, 1e-8, 'group omega general');
      expectRelative(group.group, same?.group ?? NaN, 1e-8, 'group omega group');
      const row = fixture.psych.groupItems.findIndex(
        (items) => JSON.stringify(items) === JSON.stringify(group.items),
      );
      expect(row).toBeGreaterThanOrEqual(0);
      expectAbsolute(
        [group.total, group.general, group.group],
        fixture.psych.groupOmegas[row + 1],
        5e-5,
        'group omegas vs psych defaults',
      );
      // The group loadings of the matched factor.
      const column = result.groups.indexOf(group);
      const psychColumn = fixture.psych.groupLoadings.map((r) => r[row]);
      expectAbsolute(
        result.groupLoadings.map((r) => r[column]),
        psychColumn,
        1e-4,
        'group loadings vs psych defaults',
      );
    }

    const psych = fixture.psych;
    expectAbsolute([result.omegaHierarchical], [psych.omegaHierarchical], 2e-5, 'omega_h vs psych defaults');
    expectAbsolute([result.omegaTotal], [psych.omegaTotal], 1e-6, 'omega total vs psych defaults');
    expectAbsolute([result.omegaLimit], [psych.omegaLimit], 2e-5, 'omega limit vs psych defaults');
    expectAbsolute(
      [result.explainedCommonVariance],
      [psych.explainedCommonVariance],
      2e-5,
      'ECV vs psych defaults',
    );
    expectAbsolute(result.generalLoadings, psych.generalLoadings, 5e-5, 'general loadings vs psych defaults');
  });

  it('follows the Schmid-Leiman identities', () => {
    const fixture = cases[0];
    const data = readCsvFixture(fixture.file);
    const result = omegaHierarchical(data, { groupFactors: 3 });
    const efa = exploratoryFactorAnalysis(data, { factors: 3 });
    // g_i^2 + sum_k group_ik^2 = sum_k P_ik^2 (g_F,k^2 + 1 - g_F,k^2) + cross terms of g: the SL solution reproduces
    // the communality of the higher-order model, h2 = diag(P Phi_model P') with Phi_model = gF gF' + diag(1 - gF^2).
    const gF = result.generalLoadingsOfGroupFactors;
    efa.loadings.forEach((row, i) => {
      let modelCommunality = 0;
      row.forEach((a, k) =>
        row.forEach((b, l) => (modelCommunality += a * b * (k === l ? 1 : gF[k] * gF[l]))),
      );
      const slCommunality =
        result.generalLoadings[i] ** 2 +
        result.groupLoadings[i].reduce((sum, value) => sum + value * value, 0);
      expectRelative(slCommunality, modelCommunality, 1e-10, 'SL communality');
    });
    expect(result.omegaHierarchical).toBeLessThan(result.omegaTotal);
    expectRelative(result.omegaLimit, result.omegaHierarchical / result.omegaTotal, 1e-14, 'omega limit');
  });

  it('reverses an item with a negative general loading (the reverse-worded item)', () => {
    const likert = cases.find((c) => c.name.startsWith('likert'));
    const result = omegaHierarchical(readCsvFixture(likert?.file ?? ''));
    expect(result.reversed).toEqual([3]);
    result.generalLoadings.forEach((value) => expect(value).toBeGreaterThan(0));
  });

  it('gives NaN for a constant item and throws a RangeError below 3 group factors or too little data', () => {
    const data = readCsvFixture(cases[0].file);
    const constant = data.map((row) => [...row.slice(0, 8), 1]);
    expect(omegaHierarchical(constant).omegaHierarchical).toBeNaN();
    expect(() => omegaHierarchical(data, { groupFactors: 2 })).toThrow(
      new RangeError(
        'omegaHierarchical requires at least 3 group factors (with 2 the general factor is not identified), got 2',
      ),
    );
    expect(() => omegaHierarchical(data.map((row) => row.slice(0, 5)))).toThrow(
      new RangeError('omegaHierarchical requires at least 6 items for 3 factors, got 5'),
    );
    expect(() => omegaHierarchical(data.slice(0, 12))).toThrow(RangeError);
  });
});

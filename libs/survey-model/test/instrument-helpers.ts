/** Answers `{ <prefix>_1: values[0], <prefix>_2: values[1], … }`; `null` entries are left out (unanswered). */
export function numbered(prefix: string, values: readonly (number | null)[]): Record<string, number> {
  const answers: Record<string, number> = {};
  values.forEach((value, index) => {
    if (value !== null) answers[`${prefix}_${index + 1}`] = value;
  });
  return answers;
}

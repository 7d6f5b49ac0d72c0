/**
 * Compares two semver-like version strings (`"1.0.0"`, `"2"`, `"1.10"`) numerically, part by part; missing parts
 * count as 0. Returns a negative number, 0 or a positive number.
 */
export function compareVersions(left: string, right: string): number {
  const leftParts = left.split('.').map(Number);
  const rightParts = right.split('.').map(Number);
  const length = Math.max(leftParts.length, rightParts.length);
  for (let index = 0; index < length; index += 1) {
    const difference = (leftParts[index] ?? 0) - (rightParts[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Optional minus, digits, optional fraction, optional exponent: what JavaScript and PostgreSQL print for a number. */
const NUMBER_LITERAL = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * True when `text` is a plain number literal (`-3`, `2.50`, `1e-7`), so a numeric column may write it unchanged: a
 * spreadsheet reads it as a number, never as a formula. PostgreSQL `numeric` values arrive from `pg` as such strings.
 * Anything else (a leading `+`, spaces, `NaN`, `Infinity`, `-2+3`, `1,5`) is not a literal and is treated as text.
 *
 * Complexity: O(n) in the length of `text` (one anchored regular expression without backtracking blow-up).
 *
 * @param text the candidate
 * @example
 * isNumberLiteral('-3'); // true
 * isNumberLiteral('-2+3'); // false
 */
export function isNumberLiteral(text: string): boolean {
  return NUMBER_LITERAL.test(text);
}

/** Exhaustiveness guard for typed dispatch: unreachable when every case is handled. */
export function assertNever(value: never, what: string): never {
  throw new TypeError(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

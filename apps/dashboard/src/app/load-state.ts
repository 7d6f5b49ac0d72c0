/** What a container knows about one request, handed to the component that renders it. */
export type LoadState<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'loaded'; data: T };

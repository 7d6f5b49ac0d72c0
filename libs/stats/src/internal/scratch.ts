/**
 * A small pool of scratch ArrayBuffers for the large temporary typed arrays of the rank statistics and the
 * correlation matrix. Fresh multi-megabyte buffers are expensive on first touch (page faults: measured 100-190 ms
 * for 8 MB on the 2-core build machine, more than the statistic itself), so buffers are borrowed and returned
 * instead of allocated per call. Contents of a borrowed buffer are arbitrary; callers write before they read.
 * Single-threaded and synchronous use only (every borrower returns its buffers before it returns). The pool keeps
 * at most 24 buffers and 160 MB between calls (about what Kendall's tau-b on 4 x 10^6 pairs needs).
 */

const MAX_POOLED = 24;
/** Buffers larger than this are not kept (64 MB: 8 x 10^6 doubles). */
const MAX_POOLED_BYTES = 64 * 1024 * 1024;
/** Total memory the pool may retain between calls (oldest buffers are dropped first). */
const MAX_TOTAL_BYTES = 160 * 1024 * 1024;
const pool: ArrayBuffer[] = [];
let pooledBytes = 0;

function borrow(bytes: number): ArrayBuffer {
  let best = -1;
  for (let i = 0; i < pool.length; i++) {
    const size = pool[i].byteLength;
    if (size >= bytes && size <= 4 * bytes + 4096 && (best < 0 || size < pool[best].byteLength)) best = i;
  }
  if (best < 0) return new ArrayBuffer(Math.max(bytes, 8));
  const [buffer] = pool.splice(best, 1);
  pooledBytes -= buffer.byteLength;
  return buffer;
}

/** A Float64Array of `length` elements on a pooled buffer (contents arbitrary). */
export function borrowFloat64(length: number): Float64Array {
  return new Float64Array(borrow(length * 8), 0, length);
}

/** A Uint32Array of `length` elements on a pooled buffer (contents arbitrary). */
export function borrowUint32(length: number): Uint32Array {
  return new Uint32Array(borrow(length * 4), 0, length);
}

/** An Int32Array of `length` elements on a pooled buffer (contents arbitrary). */
export function borrowInt32(length: number): Int32Array {
  return new Int32Array(borrow(length * 4), 0, length);
}

/** Returns the buffers of typed arrays obtained from the borrow functions to the pool. */
export function release(...arrays: (Float64Array | Uint32Array | Int32Array | null | undefined)[]): void {
  for (const array of arrays) {
    if (!array) continue;
    const buffer = array.buffer as ArrayBuffer;
    if (buffer.byteLength > MAX_POOLED_BYTES || pool.includes(buffer)) continue;
    pool.push(buffer);
    pooledBytes += buffer.byteLength;
    while (pool.length > MAX_POOLED || pooledBytes > MAX_TOTAL_BYTES)
      pooledBytes -= (pool.shift() as ArrayBuffer).byteLength;
  }
}

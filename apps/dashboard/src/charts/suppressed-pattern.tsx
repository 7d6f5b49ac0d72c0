import { SUPPRESSED_FILL } from './palette';

/** Diagonal hatching for suppressed cells: readable as "no value" without relying on colour. */
export function SuppressedPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width={6} height={6} fill={SUPPRESSED_FILL} />
        <line x1={0} y1={0} x2={0} y2={6} stroke="#8a94a3" strokeWidth={1.5} />
      </pattern>
    </defs>
  );
}

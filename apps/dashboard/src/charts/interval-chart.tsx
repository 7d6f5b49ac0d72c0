import { useI18n } from '../i18n';
import { Axis } from './axis';
import { ChartFrame } from './chart-frame';
import type { DataTable, DataTableColumn, Cell } from './data-table';
import { formatInterval, formatNumber } from './format';
import type { ChartMark } from './marks';
import { INK, OKABE_ITO } from './palette';
import { SuppressedPattern } from './suppressed-pattern';
import { linearTicks, niceLinearScale, paddedDomain } from './scales';
import { labelMargin, truncateLabel } from './text-layout';
import { useChartId } from './use-chart-id';

export interface IntervalRow {
  label: string;
  /** Null with `suppressed` false: not estimable (e.g. kappa when nobody shared); drawn as "–". */
  estimate: number | null;
  ci: readonly [number, number] | null;
  suppressed: boolean;
  /** A second point estimate without interval (omega next to alpha), drawn as a diamond. */
  secondary?: number | null;
  /** Short text at the right end of the row (e.g. "78% agreement, n = 412"). */
  note?: string;
  /** Extra table cells, matching `extraColumns`. */
  extra?: readonly Cell[];
}

export interface IntervalChartProps {
  title: string;
  description: string;
  rows: readonly IntervalRow[];
  axisLabel: string;
  estimateLabel: string;
  secondaryLabel?: string;
  /** Domain always included (e.g. [0, 1] for kappa and alpha). */
  baseDomain: readonly [number, number];
  /** A dashed reference line (e.g. 0 for kappa, 0.7 for alpha). */
  reference?: number;
  extraColumns?: readonly DataTableColumn[];
  minN: number;
  /** data-mark of the estimate marks: "kappa", "alpha", ... */
  markName: string;
}

const WIDTH = 640;
const LABEL_CHARS = 46;
const RIGHT = 150;
const ROW = 30;
const TOP = 10;
const AXIS = 44;

/**
 * Point estimates with 95% intervals, one row each (dot-and-whisker). Estimates carry data-mark={markName},
 * secondary points data-mark="{markName}-secondary", suppressed rows data-mark="suppressed-row".
 */
export function IntervalChart(props: IntervalChartProps) {
  const {
    title,
    description,
    rows,
    axisLabel,
    estimateLabel,
    secondaryLabel,
    baseDomain,
    reference,
    extraColumns = [],
    minN,
    markName,
  } = props;
  const { t, language } = useI18n();
  const patternId = useChartId('hatch');
  const LEFT = labelMargin(
    rows.map((r) => r.label),
    { maxChars: LABEL_CHARS, min: 110, max: 300 },
  );
  const plotWidth = WIDTH - LEFT - RIGHT;
  const height = TOP + rows.length * ROW + AXIS;
  const x = niceLinearScale(
    paddedDomain(
      [
        ...baseDomain,
        ...rows.flatMap((r) => (r.suppressed ? [] : [r.estimate, r.ci?.[0], r.ci?.[1], r.secondary ?? null])),
      ],
      0,
    ),
    [0, plotWidth],
  );
  const ticks = linearTicks(x, 5, language);

  const marks: ChartMark[] = rows.map((row, i) => {
    const cy = TOP + i * ROW + ROW / 2;
    if (row.suppressed)
      return {
        x: LEFT + plotWidth / 2,
        y: cy,
        radius: 8,
        text: `${row.label}: ${t('charts.suppressedLong', { minN })}`,
      };
    const parts = [
      `${estimateLabel} ${formatNumber(row.estimate, language)} ${t('charts.ci')} ${formatInterval(row.ci, language)}`,
    ];
    if (secondaryLabel && row.secondary !== undefined)
      parts.push(`${secondaryLabel} ${formatNumber(row.secondary, language)}`);
    if (row.note) parts.push(row.note);
    return {
      x: LEFT + x(row.estimate ?? x.domain()[0]),
      y: cy,
      radius: 6,
      text: `${row.label}\n${parts.join('; ')}`,
    };
  });

  const table: DataTable = {
    columns: [
      { key: 'label', label: t('charts.variable') },
      { key: 'estimate', label: estimateLabel, numeric: true },
      { key: 'lower', label: t('charts.lower'), numeric: true },
      { key: 'upper', label: t('charts.upper'), numeric: true },
      ...(secondaryLabel ? [{ key: 'secondary', label: secondaryLabel, numeric: true }] : []),
      ...extraColumns,
    ],
    rows: rows.map((row) => [
      row.label,
      row.suppressed ? t('charts.suppressedLong', { minN }) : row.estimate,
      row.ci?.[0] ?? null,
      row.ci?.[1] ?? null,
      ...(secondaryLabel ? [row.secondary ?? null] : []),
      ...(row.extra ?? []),
    ]),
  };

  return (
    <ChartFrame
      title={title}
      description={description}
      width={WIDTH}
      height={height}
      table={table}
      marks={marks}
    >
      <SuppressedPattern id={patternId} />
      <g transform={`translate(${LEFT},${TOP + rows.length * ROW})`}>
        <Axis
          orientation="bottom"
          ticks={ticks}
          length={plotWidth}
          label={axisLabel}
          gridLength={rows.length * ROW}
        />
      </g>
      {reference !== undefined && (
        <line
          className="chart-zero-line"
          x1={LEFT + x(reference)}
          x2={LEFT + x(reference)}
          y1={TOP}
          y2={TOP + rows.length * ROW}
        />
      )}
      {rows.map((row, i) => {
        const cy = TOP + i * ROW + ROW / 2;
        return (
          <g key={`${i}-${row.label}`}>
            <text className="chart-label" x={LEFT - 8} y={cy} dy="0.32em" textAnchor="end">
              {truncateLabel(row.label, LABEL_CHARS)}
            </text>
            {row.suppressed ? (
              <g data-mark="suppressed-row">
                <rect
                  x={LEFT}
                  y={cy - 8}
                  width={plotWidth}
                  height={16}
                  fill={`url(#${patternId})`}
                  className="mark-suppressed"
                />
                <text className="chart-label" x={LEFT + plotWidth / 2} y={cy} dy="0.32em" textAnchor="middle">
                  {t('charts.suppressedLong', { minN })}
                </text>
              </g>
            ) : (
              <>
                {row.ci && (
                  <line
                    className="chart-interval"
                    x1={LEFT + x(row.ci[0])}
                    x2={LEFT + x(row.ci[1])}
                    y1={cy}
                    y2={cy}
                  />
                )}
                {row.estimate !== null ? (
                  <circle
                    data-mark={markName}
                    cx={LEFT + x(row.estimate)}
                    cy={cy}
                    r={5}
                    fill={OKABE_ITO.blue}
                    stroke={INK}
                  />
                ) : (
                  <text className="chart-label" x={LEFT + 4} y={cy} dy="0.32em">
                    –
                  </text>
                )}
                {row.secondary !== undefined && row.secondary !== null && (
                  <path
                    data-mark={`${markName}-secondary`}
                    transform={`translate(${LEFT + x(row.secondary)},${cy})`}
                    d="M0,-6L6,0L0,6L-6,0Z"
                    fill={OKABE_ITO.vermillion}
                    stroke={INK}
                  />
                )}
                {row.note && (
                  <text className="chart-label" x={LEFT + plotWidth + 10} y={cy} dy="0.32em">
                    {row.note}
                  </text>
                )}
              </>
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}

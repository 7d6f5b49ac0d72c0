import { useI18n } from '../i18n';
import { Axis } from './axis';
import { ChartFrame } from './chart-frame';
import type { DataTable } from './data-table';
import { formatInterval, formatNumber } from './format';
import { diamondPath, weightedSquareSide } from './geometry';
import type { ChartMark } from './marks';
import { INK, OKABE_ITO } from './palette';
import { linearTicks, niceLinearScale, paddedDomain } from './scales';
import { labelMargin, truncateLabel } from './text-layout';

export interface ForestRow {
  label: string;
  estimate: number | null;
  ci: readonly [number, number] | null;
  n: number | null;
  /** Random-effects weight in percent; null when not pooled. */
  weight: number | null;
  /** Why no estimate is shown; null when it is. */
  suppressed: 'primary' | 'secondary' | null;
  own?: boolean;
}

export interface ForestPlotProps {
  title: string;
  description: string;
  rows: readonly ForestRow[];
  pooled: {
    estimate: number;
    ci: readonly [number, number];
    predictionInterval: readonly [number, number];
    k: number;
  } | null;
  axisLabel: string;
  /** Wording of a suppressed row, per reason. */
  suppressedText: Record<'primary' | 'secondary', string>;
}

const WIDTH = 680;
const LABEL_CHARS = 30;
const RIGHT = 190;
const ROW = 28;
const TOP = 10;
const AXIS = 44;
const MAX_SQUARE = 16;

/**
 * Forest plot: per institution its estimate as a square whose area follows its weight (data-mark="study-square")
 * with the 95% CI, suppressed institutions named as such (data-mark="suppressed-row"), the pooled random-effects
 * estimate as a diamond (data-mark="pooled-diamond") and its prediction interval (data-mark="prediction-interval").
 */
export function ForestPlot({ title, description, rows, pooled, axisLabel, suppressedText }: ForestPlotProps) {
  const { t, language } = useI18n();
  const LEFT = labelMargin([...rows.map((r) => r.label), t('charts.pooled')], {
    maxChars: LABEL_CHARS,
    min: 110,
    max: 240,
  });
  const plotWidth = WIDTH - LEFT - RIGHT;
  const rowCount = rows.length + (pooled ? 1 : 0);
  const height = TOP + rowCount * ROW + AXIS;
  const x = niceLinearScale(
    paddedDomain(
      [
        0,
        ...rows.flatMap((r) => (r.estimate === null ? [] : [r.estimate, r.ci?.[0], r.ci?.[1]])),
        ...(pooled ? [...pooled.ci, ...pooled.predictionInterval] : []),
      ],
      0.02,
    ),
    [0, plotWidth],
  );
  const maxWeight = Math.max(0, ...rows.map((r) => r.weight ?? 0));
  const pooledY = TOP + rows.length * ROW + ROW / 2;

  const marks: ChartMark[] = rows.map((row, i) => {
    const cy = TOP + i * ROW + ROW / 2;
    if (row.estimate === null)
      return {
        x: LEFT + plotWidth / 2,
        y: cy,
        radius: 8,
        text: `${row.label}: ${row.suppressed ? suppressedText[row.suppressed] : '–'}`,
      };
    return {
      x: LEFT + x(row.estimate),
      y: cy,
      radius: 8,
      text: `${row.label}: r = ${formatNumber(row.estimate, language)} ${t('charts.ci')} ${formatInterval(row.ci, language)}, n = ${row.n ?? '–'}${row.weight !== null ? `, ${t('charts.weight')} ${formatNumber(row.weight, language, 1)}` : ''}`,
    };
  });
  if (pooled) {
    marks.push({
      x: LEFT + x(pooled.estimate),
      y: pooledY,
      radius: 8,
      text: `${t('charts.pooled')}: r = ${formatNumber(pooled.estimate, language)} ${t('charts.ci')} ${formatInterval(pooled.ci, language)}; ${t('charts.prediction')} ${formatInterval(pooled.predictionInterval, language)}`,
    });
  }

  const table: DataTable = {
    columns: [
      { key: 'label', label: t('charts.institution') },
      { key: 'n', label: t('charts.n'), numeric: true, decimals: 0 },
      { key: 'estimate', label: t('charts.estimate'), numeric: true },
      { key: 'lower', label: t('charts.lower'), numeric: true },
      { key: 'upper', label: t('charts.upper'), numeric: true },
      { key: 'weight', label: t('charts.weight'), numeric: true, decimals: 1 },
    ],
    rows: [
      ...rows.map((row) => [
        row.label,
        row.n,
        row.estimate === null && row.suppressed ? suppressedText[row.suppressed] : row.estimate,
        row.ci?.[0] ?? null,
        row.ci?.[1] ?? null,
        row.weight,
      ]),
      ...(pooled
        ? [
            [t('charts.pooled'), null, pooled.estimate, pooled.ci[0], pooled.ci[1], 100],
            [
              t('charts.prediction'),
              null,
              null,
              pooled.predictionInterval[0],
              pooled.predictionInterval[1],
              null,
            ],
          ]
        : []),
    ],
  };

  return (
    <ChartFrame
      title={title}
      description={description}
      width={WIDTH}
      height={height}
      table={table}
      marks={marks}
      footer={
        <ul className="chart-legend">
          <li>
            <span className="chart-legend-swatch" style={{ background: OKABE_ITO.blue }} />
            {t('charts.institution')} ({t('charts.weight')})
          </li>
          {pooled && (
            <>
              <li>
                <span
                  className="chart-legend-swatch"
                  style={{ background: INK, transform: 'rotate(45deg) scale(0.8)' }}
                />
                {t('charts.pooled')}
              </li>
              <li>
                <span
                  className="chart-legend-swatch"
                  style={{ background: OKABE_ITO.vermillion, height: '0.2em' }}
                />
                {t('charts.prediction')}
              </li>
            </>
          )}
        </ul>
      }
    >
      <g transform={`translate(${LEFT},${TOP + rowCount * ROW})`}>
        <Axis orientation="bottom" ticks={linearTicks(x, 5, language)} length={plotWidth} label={axisLabel} />
      </g>
      <line
        className="chart-zero-line"
        x1={LEFT + x(0)}
        x2={LEFT + x(0)}
        y1={TOP}
        y2={TOP + rowCount * ROW}
      />
      {rows.map((row, i) => {
        const cy = TOP + i * ROW + ROW / 2;
        const side = weightedSquareSide(row.weight ?? 0, maxWeight, MAX_SQUARE);
        return (
          <g key={`${i}-${row.label}`}>
            <text
              className="chart-label"
              x={LEFT - 8}
              y={cy}
              dy="0.32em"
              textAnchor="end"
              fontWeight={row.own ? 700 : 400}
            >
              {truncateLabel(row.label, LABEL_CHARS)}
            </text>
            {row.estimate === null ? (
              <text
                className="chart-label"
                data-mark="suppressed-row"
                x={LEFT + plotWidth + 10}
                y={cy}
                dy="0.32em"
              >
                {row.suppressed ? suppressedText[row.suppressed] : '–'}
              </text>
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
                <rect
                  data-mark="study-square"
                  x={LEFT + x(row.estimate) - side / 2}
                  y={cy - side / 2}
                  width={side}
                  height={side}
                  fill={OKABE_ITO.blue}
                  stroke={INK}
                />
                <text className="chart-label" x={LEFT + plotWidth + 10} y={cy} dy="0.32em">
                  {formatNumber(row.estimate, language)} {formatInterval(row.ci, language)}
                  {row.weight !== null ? ` ${formatNumber(row.weight, language, 1)}%` : ''}
                </text>
              </>
            )}
          </g>
        );
      })}
      {pooled && (
        <g>
          <text
            className="chart-label"
            x={LEFT - 8}
            y={pooledY}
            dy="0.32em"
            textAnchor="end"
            fontWeight={700}
          >
            {t('charts.pooled')}
          </text>
          <line
            className="chart-prediction-interval"
            data-mark="prediction-interval"
            x1={LEFT + x(pooled.predictionInterval[0])}
            x2={LEFT + x(pooled.predictionInterval[1])}
            y1={pooledY}
            y2={pooledY}
          />
          <path
            data-mark="pooled-diamond"
            d={diamondPath(
              LEFT + x(pooled.ci[0]),
              LEFT + x(pooled.estimate),
              LEFT + x(pooled.ci[1]),
              pooledY,
              8,
            )}
            fill={INK}
          />
          <text className="chart-label" x={LEFT + plotWidth + 10} y={pooledY} dy="0.32em" fontWeight={700}>
            {formatNumber(pooled.estimate, language)} {formatInterval(pooled.ci, language)}
          </text>
        </g>
      )}
    </ChartFrame>
  );
}

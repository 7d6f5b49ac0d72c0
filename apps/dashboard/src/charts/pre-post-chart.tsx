import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { LinearAxes } from './axis';
import { CHANGE_CATEGORY_ORDER, CHANGE_STYLE, categorySymbolPath, type ChangeCategory } from './change-style';
import { ChartFrame } from './chart-frame';
import type { DataTable } from './data-table';
import { formatNumber } from './format';
import { diagonalBand, polygonPoints } from './geometry';
import type { ChartMark } from './marks';
import { exactLinearScale, innerSize, type Margins } from './scales';

export interface PrePostChartProps {
  title: string;
  description: string;
  points: readonly { pre: number; post: number; category: ChangeCategory }[];
  /** Lowest and highest possible score: both axes span it, so the diagonal runs corner to corner. */
  scoreRange: readonly [number, number];
  /** Clinical cut-off, drawn on both axes. */
  cutoff: number;
  /** Half-width of the band of no reliable change around post = pre. */
  halfWidth: number;
  /** Cut-off, RCI and source, listed under the chart. */
  notes?: ReactNode;
}

const SIZE = 440;
const MARGINS: Margins = { top: 16, right: 20, bottom: 48, left: 60 };

/**
 * Pre/post scatter as CORE Net draws it: baseline on x, end on y, the diagonal of no change with the band of no
 * reliable change around it, and the clinical cut-off on both axes. One symbol per client (data-mark="point"),
 * shaped and coloured by category.
 */
export function PrePostChart({
  title,
  description,
  points,
  scoreRange,
  cutoff,
  halfWidth,
  notes,
}: PrePostChartProps) {
  const { t, language } = useI18n();
  const width = SIZE + MARGINS.left + MARGINS.right;
  const height = SIZE + MARGINS.top + MARGINS.bottom;
  const inner = innerSize(width, height, MARGINS);
  const x = exactLinearScale(scoreRange, [0, inner.width]);
  const y = exactLinearScale(scoreRange, [inner.height, 0]);
  const [low, high] = scoreRange;

  // Clients with the same two scores share a spot: one tooltip stop per spot, with the count.
  const spots = new Map<string, { pre: number; post: number; category: ChangeCategory; count: number }>();
  for (const p of points) {
    const key = `${p.pre}|${p.post}`;
    const spot = spots.get(key);
    if (spot) spot.count += 1;
    else spots.set(key, { ...p, count: 1 });
  }
  const marks: ChartMark[] = [...spots.values()].map((spot) => ({
    x: MARGINS.left + x(spot.pre),
    y: MARGINS.top + y(spot.post),
    radius: 5,
    text: `${t('charts.pre')} ${formatNumber(spot.pre, language, 0)}, ${t('charts.post')} ${formatNumber(spot.post, language, 0)}: ${t(`charts.${spot.category}`)} (${spot.count})`,
  }));

  const table: DataTable = {
    columns: [
      { key: 'index', label: '#' },
      { key: 'pre', label: t('charts.pre'), numeric: true, decimals: 1 },
      { key: 'post', label: t('charts.post'), numeric: true, decimals: 1 },
      { key: 'category', label: t('charts.category') },
    ],
    rows: points.map((p, i) => [String(i + 1), p.pre, p.post, t(`charts.${p.category}`)]),
  };

  return (
    <ChartFrame
      title={title}
      description={description}
      width={width}
      height={height}
      table={table}
      marks={marks}
      footer={
        <>
          <ul className="chart-legend">
            {CHANGE_CATEGORY_ORDER.map((category) => (
              <li key={category}>
                <svg
                  width="14"
                  height="14"
                  viewBox="-7 -7 14 14"
                  aria-hidden="true"
                  className="chart-legend-symbol"
                >
                  <path
                    d={categorySymbolPath(category, 60)}
                    fill={CHANGE_STYLE[category].colour}
                    stroke="#1c2430"
                  />
                </svg>{' '}
                {t(`charts.${category}`)}
              </li>
            ))}
            <li>
              <span
                className="chart-legend-swatch"
                style={{ background: 'rgba(138,148,163,0.35)', width: '1.8em' }}
              />
              {t('charts.noChangeBand')}
            </li>
          </ul>
          {notes}
        </>
      }
    >
      <g transform={`translate(${MARGINS.left},${MARGINS.top})`}>
        <LinearAxes
          x={x}
          y={y}
          inner={inner}
          xLabel={t('charts.pre')}
          yLabel={t('charts.post')}
          language={language}
        />
        <polygon
          className="chart-no-change-band"
          data-mark="no-change-band"
          points={polygonPoints(diagonalBand([low, high], halfWidth), x, y)}
        />
        <line
          className="chart-diagonal"
          data-mark="diagonal"
          x1={x(low)}
          y1={y(low)}
          x2={x(high)}
          y2={y(high)}
        />
        <line
          className="chart-cutoff-line"
          data-mark="cutoff-line"
          x1={x(cutoff)}
          x2={x(cutoff)}
          y1={y(low)}
          y2={y(high)}
        />
        <line
          className="chart-cutoff-line"
          data-mark="cutoff-line"
          x1={x(low)}
          x2={x(high)}
          y1={y(cutoff)}
          y2={y(cutoff)}
        />
        <text className="chart-label" x={x(cutoff) + 4} y={10}>
          {t('charts.cutoff')} {formatNumber(cutoff, language, 0)}
        </text>
        <g strokeWidth={0.75} stroke="#1c2430" fillOpacity={0.75}>
          {points.map((p, i) => (
            <path
              key={i}
              data-mark="point"
              data-category={p.category}
              transform={`translate(${x(p.pre)},${y(p.post)})`}
              d={categorySymbolPath(p.category)}
              fill={CHANGE_STYLE[p.category].colour}
            />
          ))}
        </g>
      </g>
    </ChartFrame>
  );
}

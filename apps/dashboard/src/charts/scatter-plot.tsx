import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { LinearAxes } from './axis';
import { ChartFrame, type CanvasLayer } from './chart-frame';
import type { DataTable } from './data-table';
import { formatNumber } from './format';
import { bandPath, linePath } from './geometry';
import type { ChartMark } from './marks';
import { OKABE_ITO } from './palette';
import { renderModeFor } from './render-mode';
import { innerSize, niceLinearScale, paddedDomain, type Margins } from './scales';

export interface ScatterBandPoint {
  x: number;
  fit: number;
  lower: number | null;
  upper: number | null;
}

export interface ScatterPlotProps {
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  points: readonly { x: number; y: number }[];
  /** Fitted line and 95% band of the mean, as the API computed them; empty for no line. */
  band: readonly ScatterBandPoint[];
  /** Switch to canvas above this many points (default CANVAS_POINT_THRESHOLD). */
  canvasThreshold?: number;
}

const WIDTH = 640;
const HEIGHT = 420;
const MARGINS: Margins = { top: 16, right: 20, bottom: 48, left: 60 };
const RADIUS = 3.5;

/**
 * Scatter plot with the OLS line and its confidence band. Points are SVG circles (data-mark="point") up to a
 * few thousand, then drawn on a canvas whose element carries the count (data-mark-count).
 */
export function ScatterPlot({
  title,
  description,
  xLabel,
  yLabel,
  points,
  band,
  canvasThreshold,
}: ScatterPlotProps) {
  const { t, language } = useI18n();
  const inner = innerSize(WIDTH, HEIGHT, MARGINS);
  const { x, y } = useMemo(
    () => ({
      x: niceLinearScale(paddedDomain([...points.map((p) => p.x), ...band.map((b) => b.x)]), [
        0,
        inner.width,
      ]),
      y: niceLinearScale(
        paddedDomain([...points.map((p) => p.y), ...band.flatMap((b) => [b.fit, b.lower, b.upper])]),
        [inner.height, 0],
      ),
    }),
    [points, band, inner.width, inner.height],
  );
  const mode = renderModeFor(points.length, canvasThreshold);
  // The SVG lies over the canvas: grid lines would cross the points, so a canvas plot has none.
  const grid = mode === 'svg';
  const bandShown = band.filter(
    (b): b is ScatterBandPoint & { lower: number; upper: number } => b.lower !== null && b.upper !== null,
  );

  const marks: ChartMark[] = points.map((p) => ({
    x: MARGINS.left + x(p.x),
    y: MARGINS.top + y(p.y),
    radius: RADIUS,
    text: `${xLabel}: ${formatNumber(p.x, language)}\n${yLabel}: ${formatNumber(p.y, language)}`,
  }));

  const canvas = useMemo<CanvasLayer | undefined>(() => {
    if (mode !== 'canvas') return undefined;
    return {
      count: points.length,
      draw(context) {
        context.fillStyle = OKABE_ITO.blue;
        context.globalAlpha = 0.45;
        for (const p of points) {
          context.beginPath();
          context.arc(MARGINS.left + x(p.x), MARGINS.top + y(p.y), 2.5, 0, 2 * Math.PI);
          context.fill();
        }
        context.globalAlpha = 1;
      },
    };
  }, [mode, points, x, y]);

  const table: DataTable = {
    columns: [
      { key: 'point', label: t('charts.point'), decimals: 0 },
      { key: 'x', label: xLabel, numeric: true },
      { key: 'y', label: yLabel, numeric: true },
    ],
    rows: points.map((p, i) => [String(i + 1), p.x, p.y]),
  };

  return (
    <ChartFrame
      title={title}
      description={description}
      width={WIDTH}
      height={HEIGHT}
      table={table}
      marks={marks}
      canvas={canvas}
      footer={
        band.length > 0 ? (
          <ul className="chart-legend">
            <li>
              <span className="chart-legend-swatch" style={{ background: '#1c2430', height: '0.2em' }} />
              {t('charts.regressionLine')}
            </li>
            <li>
              <span className="chart-legend-swatch" style={{ background: 'rgba(0,114,178,0.18)' }} />
              {t('charts.confidenceBand')}
            </li>
          </ul>
        ) : undefined
      }
    >
      <g transform={`translate(${MARGINS.left},${MARGINS.top})`}>
        <LinearAxes
          x={x}
          y={y}
          inner={inner}
          xLabel={xLabel}
          yLabel={yLabel}
          language={language}
          grid={grid}
        />
        {bandShown.length > 1 && (
          <path className="chart-band" data-mark="confidence-band" d={bandPath(bandShown, x, y)} />
        )}
        {mode === 'svg' && (
          <g fill={OKABE_ITO.blue} fillOpacity={0.55} stroke={OKABE_ITO.blue} strokeWidth={0.75}>
            {points.map((p, i) => (
              <circle key={i} data-mark="point" cx={x(p.x)} cy={y(p.y)} r={RADIUS} />
            ))}
          </g>
        )}
        {band.length > 1 && (
          <path
            className="chart-regression-line"
            data-mark="regression-line"
            d={linePath(
              band.map((b) => ({ x: b.x, y: b.fit })),
              x,
              y,
            )}
          />
        )}
      </g>
    </ChartFrame>
  );
}

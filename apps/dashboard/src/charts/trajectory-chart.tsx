import { useI18n } from '../i18n';
import { LinearAxes } from './axis';
import { ChartFrame } from './chart-frame';
import type { DataTable } from './data-table';
import { formatInterval, formatNumber } from './format';
import { bandPath, linePath } from './geometry';
import type { ChartMark } from './marks';
import { INK, OKABE_ITO } from './palette';
import { innerSize, niceLinearScale, paddedDomain, type Margins } from './scales';

export interface TrajectoryChartProps {
  title: string;
  description: string;
  valueLabel: string;
  /** One line per client (anonymous series). */
  series: readonly { series: number; points: readonly { session: number; value: number }[] }[];
  means: readonly {
    session: number;
    n: number;
    suppressed: boolean;
    mean: number | null;
    ci: readonly [number, number] | null;
  }[];
  /** Mixed-model fitted mean line with its band; empty when there is no model. */
  fitted: readonly { x: number; fit: number; lower: number | null; upper: number | null }[];
  minN: number;
}

const WIDTH = 640;
const HEIGHT = 400;
const MARGINS: Margins = { top: 16, right: 20, bottom: 48, left: 60 };

/**
 * Session-by-session values: a thin line per client (data-mark="client-line"), the mean per session with its
 * CI (data-mark="mean-point"), and the mixed model's fitted trajectory (data-mark="model-line", dashed).
 */
export function TrajectoryChart({
  title,
  description,
  valueLabel,
  series,
  means,
  fitted,
  minN,
}: TrajectoryChartProps) {
  const { t, language } = useI18n();
  const inner = innerSize(WIDTH, HEIGHT, MARGINS);
  const shownMeans = means.filter((m) => !m.suppressed && m.mean !== null);
  const sessions = [
    ...series.flatMap((s) => s.points.map((p) => p.session)),
    ...means.map((m) => m.session),
    ...fitted.map((f) => f.x),
  ];
  const x = niceLinearScale(paddedDomain(sessions, 0.02), [0, inner.width]);
  const y = niceLinearScale(
    paddedDomain([
      ...series.flatMap((s) => s.points.map((p) => p.value)),
      ...shownMeans.flatMap((m) => [m.mean, m.ci?.[0], m.ci?.[1]]),
      ...fitted.flatMap((f) => [f.fit, f.lower, f.upper]),
    ]),
    [inner.height, 0],
  );
  const fittedBand = fitted.filter(
    (f): f is typeof f & { lower: number; upper: number } => f.lower !== null && f.upper !== null,
  );

  const marks: ChartMark[] = [
    ...shownMeans.map((m) => ({
      x: MARGINS.left + x(m.session),
      y: MARGINS.top + y(m.mean as number),
      radius: 4.5,
      text: `${t('charts.session')} ${m.session}: ${t('charts.mean')} ${formatNumber(m.mean, language)} ${t('charts.ci')} ${formatInterval(m.ci, language)}, n = ${m.n}`,
    })),
    ...fitted.map((f) => ({
      x: MARGINS.left + x(f.x),
      y: MARGINS.top + y(f.fit),
      radius: 3,
      text: `${t('charts.session')} ${formatNumber(f.x, language, 0)}: ${t('charts.model')} ${formatNumber(f.fit, language)}${f.lower !== null && f.upper !== null ? ` ${t('charts.ci')} ${formatInterval([f.lower, f.upper], language)}` : ''}`,
    })),
  ];

  const fittedAt = new Map(fitted.map((f) => [f.x, f.fit]));
  const table: DataTable = {
    columns: [
      { key: 'session', label: t('charts.session') },
      { key: 'n', label: t('charts.n'), numeric: true, decimals: 0 },
      { key: 'mean', label: t('charts.mean'), numeric: true },
      { key: 'lower', label: t('charts.lower'), numeric: true },
      { key: 'upper', label: t('charts.upper'), numeric: true },
      { key: 'model', label: t('charts.model'), numeric: true },
    ],
    rows: means.map((m) => [
      String(m.session),
      m.n,
      m.suppressed ? t('charts.suppressedLong', { minN }) : m.mean,
      m.ci?.[0] ?? null,
      m.ci?.[1] ?? null,
      fittedAt.get(m.session) ?? null,
    ]),
  };

  return (
    <ChartFrame
      title={title}
      description={description}
      width={WIDTH}
      height={HEIGHT}
      table={table}
      marks={marks}
      footer={
        <ul className="chart-legend">
          <li>
            <span className="chart-legend-swatch" style={{ background: '#8a94a3', height: '0.15em' }} />
            {t('charts.clientLines')} ({series.length})
          </li>
          <li>
            <span className="chart-legend-swatch" style={{ background: INK, borderRadius: '50%' }} />
            {t('charts.mean')} ± {t('charts.ci')}
          </li>
          {fitted.length > 0 && (
            <li>
              <span
                className="chart-legend-swatch"
                style={{ background: OKABE_ITO.vermillion, height: '0.2em' }}
              />
              {t('charts.model')} ({t('charts.dashed')})
            </li>
          )}
        </ul>
      }
    >
      <g transform={`translate(${MARGINS.left},${MARGINS.top})`}>
        <LinearAxes
          x={x}
          y={y}
          inner={inner}
          xLabel={t('charts.session')}
          yLabel={valueLabel}
          language={language}
          grid
        />
        <g>
          {series.map((s) => (
            <path
              key={s.series}
              className="chart-client-line"
              data-mark="client-line"
              d={linePath(
                s.points.map((p) => ({ x: p.session, y: p.value })),
                x,
                y,
              )}
            />
          ))}
        </g>
        {fittedBand.length > 1 && (
          <path
            className="chart-band"
            style={{ fill: OKABE_ITO.vermillion }}
            d={bandPath(fittedBand, x, y)}
          />
        )}
        {fitted.length > 1 && (
          <path
            className="chart-model-line"
            data-mark="model-line"
            d={linePath(
              fitted.map((f) => ({ x: f.x, y: f.fit })),
              x,
              y,
            )}
          />
        )}
        {shownMeans.length > 1 && (
          <path
            className="chart-mean-line"
            data-mark="mean-line"
            d={linePath(
              shownMeans.map((m) => ({ x: m.session, y: m.mean })),
              x,
              y,
            )}
          />
        )}
        {shownMeans.map((m) => (
          <g key={m.session} data-mark="mean-point">
            {m.ci && (
              <line
                className="chart-interval"
                x1={x(m.session)}
                x2={x(m.session)}
                y1={y(m.ci[0])}
                y2={y(m.ci[1])}
              />
            )}
            <circle
              cx={x(m.session)}
              cy={y(m.mean as number)}
              r={4}
              fill={INK}
              stroke="#ffffff"
              strokeWidth={1}
            />
          </g>
        ))}
      </g>
    </ChartFrame>
  );
}

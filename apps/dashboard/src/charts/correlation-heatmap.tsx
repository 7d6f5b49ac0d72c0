import { useI18n } from '../i18n';
import { ChartFrame } from './chart-frame';
import { placeLowerTriangle } from './correlation-layout';
import type { DataTable } from './data-table';
import { formatInterval, formatNumber, formatP } from './format';
import type { ChartMark } from './marks';
import { correlationColour, textColourOn } from './palette';
import { SuppressedPattern } from './suppressed-pattern';
import { labelMargin, truncateLabel } from './text-layout';
import { useChartId } from './use-chart-id';

export interface HeatmapCell {
  x: string;
  y: string;
  n: number;
  suppressed: boolean;
  estimate: number | null;
  ci: readonly [number, number] | null;
  p: number | null;
  pAdjusted: number | null;
}

export interface CorrelationHeatmapProps {
  title: string;
  description: string;
  variables: readonly { id: string; label: string }[];
  cells: readonly HeatmapCell[];
  minN: number;
}

const CELL = 40;
const LABEL_CHARS = 44;
const TOP = 28;

/**
 * Lower-triangle heat map of a correlation matrix: one square per pair (data-mark="cell"), its value printed in
 * it, suppressed pairs hatched and labelled. Rows name the variables; columns carry their numbers.
 */
export function CorrelationHeatmap({ title, description, variables, cells, minN }: CorrelationHeatmapProps) {
  const { t, language } = useI18n();
  const patternId = useChartId('hatch');
  const ids = variables.map((v) => v.id);
  const labelOf = new Map(variables.map((v, i) => [v.id, `${i + 1}. ${v.label}`]));
  const placed = placeLowerTriangle(ids, cells);
  const LEFT = labelMargin([...labelOf.values()], { maxChars: LABEL_CHARS, min: 120, max: 300 });
  // Every variable gets a row (the first one's is empty) so each column number has its name beside it.
  const columns = Math.max(1, variables.length - 1);
  const width = LEFT + columns * CELL + 10;
  const height = TOP + Math.max(1, variables.length) * CELL + 10;

  const detail = (cell: HeatmapCell) =>
    cell.suppressed
      ? t('charts.suppressedLong', { minN })
      : `${t('charts.estimate')} ${formatNumber(cell.estimate, language)} ${t('charts.ci')} ${formatInterval(cell.ci, language)}, n = ${cell.n}, p ${formatP(cell.p, language)}`;

  const marks: ChartMark[] = placed.map(({ cell, row, column }) => ({
    x: LEFT + column * CELL + CELL / 2,
    y: TOP + row * CELL + CELL / 2,
    radius: CELL / 2,
    text: `${labelOf.get(cell.x)} × ${labelOf.get(cell.y)}\n${detail(cell)}`,
  }));

  const table: DataTable = {
    columns: [
      { key: 'x', label: t('charts.variableX') },
      { key: 'y', label: t('charts.variableY') },
      { key: 'n', label: t('charts.n'), numeric: true, decimals: 0 },
      { key: 'estimate', label: t('charts.estimate'), numeric: true },
      { key: 'lower', label: t('charts.lower'), numeric: true },
      { key: 'upper', label: t('charts.upper'), numeric: true },
      { key: 'p', label: t('charts.p'), numeric: true, pValue: true },
      { key: 'pAdjusted', label: t('charts.pAdjusted'), numeric: true, pValue: true },
    ],
    rows: placed.map(({ cell }) => [
      labelOf.get(cell.x) ?? cell.x,
      labelOf.get(cell.y) ?? cell.y,
      cell.n,
      cell.suppressed ? t('charts.suppressed') : cell.estimate,
      cell.ci?.[0] ?? null,
      cell.ci?.[1] ?? null,
      cell.p,
      cell.pAdjusted,
    ]),
  };

  return (
    <ChartFrame
      title={title}
      description={description}
      width={width}
      height={height}
      table={table}
      marks={marks}
      footer={<p className="chart-caption muted">{t('charts.heatmapLegend')}</p>}
    >
      <SuppressedPattern id={patternId} />
      <g aria-hidden="true">
        {variables.map((variable, i) => (
          <text
            key={variable.id}
            className="chart-label"
            x={LEFT - 8}
            y={TOP + i * CELL + CELL / 2}
            dy="0.32em"
            textAnchor="end"
          >
            {truncateLabel(labelOf.get(variable.id) ?? variable.id, LABEL_CHARS)}
          </text>
        ))}
        {variables.slice(0, -1).map((variable, i) => (
          <text
            key={variable.id}
            className="chart-label"
            x={LEFT + i * CELL + CELL / 2}
            y={TOP - 8}
            textAnchor="middle"
          >
            {i + 1}
          </text>
        ))}
      </g>
      <g aria-hidden="true">
        {placed.map(({ cell, row, column }) => {
          const x = LEFT + column * CELL;
          const y = TOP + row * CELL;
          const shown = !cell.suppressed && cell.estimate !== null;
          const fill = shown ? correlationColour(cell.estimate as number) : `url(#${patternId})`;
          return (
            <g
              key={`${cell.x}|${cell.y}`}
              data-mark="cell"
              data-suppressed={cell.suppressed ? 'true' : 'false'}
              data-x={cell.x}
              data-y={cell.y}
            >
              <rect
                x={x + 1}
                y={y + 1}
                width={CELL - 2}
                height={CELL - 2}
                fill={fill}
                className={shown ? undefined : 'mark-suppressed'}
              />
              <text
                x={x + CELL / 2}
                y={y + CELL / 2}
                dy="0.32em"
                textAnchor="middle"
                fontSize={11}
                fill={shown ? textColourOn(fill) : '#1c2430'}
              >
                {shown ? formatNumber(cell.estimate, language).replace(/^(-?)0([.,])/, '$1$2') : '–'}
              </text>
            </g>
          );
        })}
      </g>
    </ChartFrame>
  );
}

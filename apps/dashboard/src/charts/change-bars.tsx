import { useI18n } from '../i18n';
import { CHANGE_CATEGORY_ORDER, CHANGE_STYLE, type ChangeCategory } from './change-style';
import { ChartFrame } from './chart-frame';
import type { Cell, DataTable } from './data-table';
import { formatPercent } from './format';
import type { ChartMark } from './marks';
import { textColourOn } from './palette';
import { SuppressedPattern } from './suppressed-pattern';
import { useChartId } from './use-chart-id';

export interface ChangeBarGroup {
  label: string;
  n: number;
  suppressed: boolean;
  counts: Record<ChangeCategory, number> | null;
  percentages: Record<ChangeCategory, number> | null;
}

export interface ChangeBarsProps {
  title: string;
  description: string;
  groups: readonly ChangeBarGroup[];
  minN: number;
}

const WIDTH = 640;
const LEFT = 170;
const RIGHT = 16;
const ROW = 34;
const BAR = 22;
const TOP = 8;

/** Left edges and widths (pixels) of the stacked segments of one 100% bar, in category order. */
export function stackSegments(
  percentages: Record<ChangeCategory, number>,
  barWidth: number,
): { category: ChangeCategory; x: number; width: number }[] {
  const total = CHANGE_CATEGORY_ORDER.reduce((sum, category) => sum + Math.max(0, percentages[category]), 0);
  let x = 0;
  return CHANGE_CATEGORY_ORDER.map((category) => {
    const width = total > 0 ? (Math.max(0, percentages[category]) / total) * barWidth : 0;
    const segment = { category, x, width };
    x += width;
    return segment;
  });
}

/**
 * Reliable change categories per group as 100% stacked bars: one segment per category (data-mark="bar-segment"),
 * percentages printed where they fit; suppressed groups as a hatched bar saying so (data-mark="suppressed-group").
 */
export function ChangeBars({ title, description, groups, minN }: ChangeBarsProps) {
  const { t, language } = useI18n();
  const patternId = useChartId('hatch');
  const barWidth = WIDTH - LEFT - RIGHT;
  const height = TOP + groups.length * ROW + 8;

  const marks: ChartMark[] = [];
  groups.forEach((group, row) => {
    const cy = TOP + row * ROW + BAR / 2;
    if (group.suppressed || !group.percentages || !group.counts) {
      marks.push({
        x: LEFT + barWidth / 2,
        y: cy,
        radius: BAR / 2,
        text: `${group.label}: ${t('charts.suppressedLong', { minN })}`,
      });
      return;
    }
    const counts = group.counts;
    for (const segment of stackSegments(group.percentages, barWidth)) {
      marks.push({
        x: LEFT + segment.x + segment.width / 2,
        y: cy,
        radius: BAR / 2,
        text: `${group.label}, ${t(`charts.${segment.category}`)}: ${counts[segment.category]} (${formatPercent(group.percentages[segment.category], language)}), n = ${group.n}`,
      });
    }
  });

  const table: DataTable = {
    columns: [
      { key: 'group', label: t('charts.group') },
      { key: 'n', label: t('charts.n'), numeric: true, decimals: 0 },
      ...CHANGE_CATEGORY_ORDER.flatMap((category) => [
        { key: category, label: t(`charts.${category}`), numeric: true, decimals: 0 },
        { key: `${category}%`, label: `${t(`charts.${category}`)} (%)`, numeric: true, decimals: 1 },
      ]),
    ],
    rows: groups.map((group) => [
      group.label,
      group.n,
      ...CHANGE_CATEGORY_ORDER.flatMap((category): Cell[] =>
        group.suppressed || !group.counts || !group.percentages
          ? [t('charts.suppressed'), t('charts.suppressed')]
          : [group.counts[category], group.percentages[category]],
      ),
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
      footer={
        <ul className="chart-legend">
          {CHANGE_CATEGORY_ORDER.map((category) => (
            <li key={category}>
              <span className="chart-legend-swatch" style={{ background: CHANGE_STYLE[category].colour }} />
              {t(`charts.${category}`)}
            </li>
          ))}
        </ul>
      }
    >
      <SuppressedPattern id={patternId} />
      {groups.map((group, row) => {
        const top = TOP + row * ROW;
        return (
          <g key={`${row}-${group.label}`} transform={`translate(0,${top})`}>
            <text className="chart-label" x={LEFT - 8} y={BAR / 2} dy="0.32em" textAnchor="end">
              {group.label} (n = {group.n})
            </text>
            {group.suppressed || !group.percentages ? (
              <g data-mark="suppressed-group">
                <rect
                  x={LEFT}
                  width={barWidth}
                  height={BAR}
                  fill={`url(#${patternId})`}
                  className="mark-suppressed"
                />
                <text
                  className="chart-label"
                  x={LEFT + barWidth / 2}
                  y={BAR / 2}
                  dy="0.32em"
                  textAnchor="middle"
                >
                  {t('charts.suppressedLong', { minN })}
                </text>
              </g>
            ) : (
              stackSegments(group.percentages, barWidth).map((segment) => {
                const colour = CHANGE_STYLE[segment.category].colour;
                const percent = group.percentages?.[segment.category] ?? 0;
                return (
                  <g key={segment.category}>
                    <rect
                      data-mark="bar-segment"
                      data-category={segment.category}
                      x={LEFT + segment.x}
                      width={segment.width}
                      height={BAR}
                      fill={colour}
                      stroke="#ffffff"
                      strokeWidth={1}
                    />
                    {segment.width >= 38 && (
                      <text
                        x={LEFT + segment.x + segment.width / 2}
                        y={BAR / 2}
                        dy="0.32em"
                        textAnchor="middle"
                        fontSize={11}
                        fill={textColourOn(colour)}
                      >
                        {formatPercent(percent, language, 0)}
                      </text>
                    )}
                  </g>
                );
              })
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}

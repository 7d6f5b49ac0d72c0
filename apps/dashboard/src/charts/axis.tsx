import type { ScaleLinear } from 'd3-scale';
import type { UiLanguage } from '../shared/language';
import { linearTicks, type Tick } from './scales';

export interface AxisProps {
  orientation: 'bottom' | 'left';
  ticks: readonly Tick[];
  /** Length of the axis line in pixels (plot width for bottom, plot height for left). */
  length: number;
  label?: string;
  /** Draw light grid lines across the plot of this length. */
  gridLength?: number;
}

/** An axis drawn by React from precomputed ticks (d3 computes the ticks; React owns the DOM). */
export function Axis({ orientation, ticks, length, label, gridLength }: AxisProps) {
  const bottom = orientation === 'bottom';
  return (
    <g className={`chart-axis chart-axis-${orientation}`} aria-hidden="true">
      {gridLength !== undefined &&
        ticks.map((tick) =>
          bottom ? (
            <line
              key={`g${tick.value}`}
              className="chart-grid"
              x1={tick.position}
              x2={tick.position}
              y1={0}
              y2={-gridLength}
            />
          ) : (
            <line
              key={`g${tick.value}`}
              className="chart-grid"
              x1={0}
              x2={gridLength}
              y1={tick.position}
              y2={tick.position}
            />
          ),
        )}
      <line className="chart-axis-line" x1={0} y1={0} x2={bottom ? length : 0} y2={bottom ? 0 : length} />
      {ticks.map((tick) =>
        bottom ? (
          <g key={tick.value} transform={`translate(${tick.position},0)`}>
            <line className="chart-tick" y2={5} />
            <text className="chart-tick-label" y={17} textAnchor="middle">
              {tick.label}
            </text>
          </g>
        ) : (
          <g key={tick.value} transform={`translate(0,${tick.position})`}>
            <line className="chart-tick" x2={-5} />
            <text className="chart-tick-label" x={-8} dy="0.32em" textAnchor="end">
              {tick.label}
            </text>
          </g>
        ),
      )}
      {label &&
        (bottom ? (
          <text className="chart-axis-label" x={length / 2} y={36} textAnchor="middle">
            {label}
          </text>
        ) : (
          <text
            className="chart-axis-label"
            transform={`translate(-42,${length / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {label}
          </text>
        ))}
    </g>
  );
}

export interface LinearAxesProps {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** Size of the plot area inside the margins. */
  inner: { width: number; height: number };
  xLabel: string;
  yLabel: string;
  language: UiLanguage;
  /** Light grid lines across the plot (off by default). */
  grid?: boolean;
}

/** The bottom and left axes of an x/y plot, five ticks each, drawn inside the plot's translated group. */
export function LinearAxes({ x, y, inner, xLabel, yLabel, language, grid = false }: LinearAxesProps) {
  return (
    <>
      <g transform={`translate(0,${inner.height})`}>
        <Axis
          orientation="bottom"
          ticks={linearTicks(x, 5, language)}
          length={inner.width}
          label={xLabel}
          gridLength={grid ? inner.height : undefined}
        />
      </g>
      <Axis
        orientation="left"
        ticks={linearTicks(y, 5, language)}
        length={inner.height}
        label={yLabel}
        gridLength={grid ? inner.width : undefined}
      />
    </>
  );
}

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { dataTableToCsv, type DataTable } from './data-table';
import { DataTableView } from './data-table-view';
import { nearestMark, stepMark, tooltipPlacement, type ChartMark, type MarkStep } from './marks';
import {
  HEADING_BAND,
  buildPngRequest,
  fileNameFor,
  csvFile,
  renderPng,
  saveBlob,
  serialiseSvg,
  svgFile,
  svgSize,
} from './svg-export';
import { useChartId } from './use-chart-id';
import './charts.css';

/** Narrowest drawing (px) before the plot scrolls sideways: 11px labels stay legible on a phone. */
const MIN_PLOT_WIDTH = 520;

/** Points drawn on a canvas under the SVG (large scatter plots); the SVG keeps axes, lines and the title. */
export interface CanvasLayer {
  count: number;
  draw(context: CanvasRenderingContext2D): void;
}

export interface ChartFrameProps {
  title: string;
  /** What the chart shows, in a sentence or two: the SVG's <desc> and the visible caption. */
  description: string;
  width: number;
  height: number;
  table: DataTable;
  /** Mark centres (SVG units) with their details, in reading order: hover and arrow keys go through them. */
  marks: readonly ChartMark[];
  children: ReactNode;
  canvas?: CanvasLayer;
  /** HTML under the plot: legend, key figures. */
  footer?: ReactNode;
  headingLevel?: 2 | 3;
}

/**
 * The frame every chart shares: visible title, accessible SVG (role img, title, desc), tooltip on pointer and
 * keyboard, the data table alternative and downloads (SVG, PNG, CSV). Charts only draw their marks inside it.
 */
export function ChartFrame(props: ChartFrameProps) {
  const {
    title,
    description,
    width,
    height,
    table,
    marks,
    children,
    canvas,
    footer,
    headingLevel = 3,
  } = props;
  const { t, language } = useI18n();
  const id = useChartId('chart');
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [active, setActive] = useState<number | null>(null);
  const [tableShown, setTableShown] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  // New data can have fewer marks than the one that was active.
  const current = active !== null && active < marks.length ? marks[active] : null;

  useEffect(() => {
    const element = canvasRef.current;
    if (!canvas || !element) return;
    const context = element.getContext('2d');
    if (!context) return; // no canvas support (jsdom): the data table still lists every point
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    canvas.draw(context);
  }, [canvas, width, height]);

  function onKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    const steps: Partial<Record<string, MarkStep>> = {
      ArrowRight: 'next',
      ArrowDown: 'next',
      ArrowLeft: 'previous',
      ArrowUp: 'previous',
      Home: 'first',
      End: 'last',
    };
    if (event.key === 'Escape') {
      setActive(null);
      return;
    }
    const step = steps[event.key];
    if (!step || marks.length === 0) return;
    event.preventDefault();
    setActive((index) => stepMark(index, step, marks.length));
  }

  function onPointerMove(event: PointerEvent<SVGSVGElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const x = ((event.clientX - box.left) / box.width) * width;
    const y = ((event.clientY - box.top) / box.height) * height;
    setActive(nearestMark(marks, x, y, 24));
  }

  function exportSvgText(): string {
    const svg = svgRef.current;
    if (!svg) throw new Error('The chart is not on the page.');
    let underlay: string | undefined;
    if (canvas && canvasRef.current) {
      try {
        underlay = canvasRef.current.toDataURL('image/png');
      } catch {
        underlay = undefined;
      }
    }
    return serialiseSvg(svg, { underlayImage: underlay, heading: title });
  }

  function downloadSvg() {
    setDownloadError(null);
    const text = exportSvgText();
    saveBlob(svgFile(text), fileNameFor(title, 'svg'));
  }

  async function downloadPng() {
    setDownloadError(null);
    const svg = svgRef.current;
    if (!svg) return;
    try {
      const size = svgSize(svg);
      const png = await renderPng(
        buildPngRequest(exportSvgText(), { ...size, height: size.height + HEADING_BAND }),
      );
      saveBlob(png, fileNameFor(title, 'png'));
    } catch (error) {
      setDownloadError(
        t('charts.downloadFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  function downloadCsv() {
    saveBlob(csvFile(dataTableToCsv(table)), fileNameFor(title, 'csv'));
  }

  const ringRadius = current?.radius ?? 7;
  const placement = tooltipPlacement(current?.x ?? 0, current?.y ?? 0, width, height);
  return (
    <figure className="chart" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} className="chart-title">
        {title}
      </Heading>
      <div className="chart-plot">
        {/* Readable on a phone: below its minimum width the chart scrolls sideways instead of shrinking. */}
        <div
          className="chart-plot-inner"
          style={{
            minWidth: `${Math.min(width, MIN_PLOT_WIDTH)}px`,
            maxWidth: `${Math.round(width * 1.3)}px`,
          }}
        >
          {canvas && (
            <canvas
              ref={canvasRef}
              className="chart-canvas"
              width={Math.round(width * (globalThis.devicePixelRatio || 1))}
              height={Math.round(height * (globalThis.devicePixelRatio || 1))}
              data-mark="point-canvas"
              data-mark-count={canvas.count}
              aria-hidden="true"
            />
          )}
          <svg
            ref={svgRef}
            className="chart-svg"
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
            tabIndex={0}
            onKeyDown={onKeyDown}
            onPointerMove={onPointerMove}
            onPointerLeave={() => setActive(null)}
            onBlur={() => setActive(null)}
          >
            <title id={`${id}-title`}>{title}</title>
            <desc id={`${id}-desc`}>{description}</desc>
            {children}
            {current && (
              <circle
                className="chart-focus-ring"
                data-export="exclude"
                cx={current.x}
                cy={current.y}
                r={ringRadius + 3}
              />
            )}
          </svg>
          <div
            className={`chart-tooltip chart-tooltip-${placement.horizontal} chart-tooltip-${placement.vertical}`}
            role="status"
            hidden={!current}
            style={
              current
                ? {
                    left: `${(current.x / width) * 100}%`,
                    top: `${(current.y / height) * 100}%`,
                  }
                : undefined
            }
          >
            {current?.text}
          </div>
        </div>
      </div>
      <figcaption className="chart-caption">
        {description} <span className="muted">{t('charts.keyboardHint')}</span>
        {canvas && <span className="muted"> {t('charts.canvasNote', { count: canvas.count })}</span>}
      </figcaption>
      {footer}
      <div className="chart-actions">
        <button
          type="button"
          className="button"
          aria-expanded={tableShown}
          aria-controls={`${id}-table`}
          onClick={() => setTableShown((shown) => !shown)}
        >
          {tableShown ? t('charts.hideTable') : t('charts.showTable')}
        </button>
        <button type="button" className="button" onClick={downloadSvg}>
          {t('charts.downloadSvg')}
        </button>
        <button type="button" className="button" onClick={() => void downloadPng()}>
          {t('charts.downloadPng')}
        </button>
        <button type="button" className="button" onClick={downloadCsv}>
          {t('charts.downloadCsv')}
        </button>
      </div>
      {downloadError && (
        <p className="alert alert-error" role="alert">
          {downloadError}
        </p>
      )}
      {tableShown && (
        <DataTableView
          id={`${id}-table`}
          table={table}
          caption={t('charts.tableCaption', { title })}
          language={language}
        />
      )}
    </figure>
  );
}

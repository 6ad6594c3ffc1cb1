// <sld-timeline-explorer>: the lock timeline to explore. Zoom (wheel, ctrl+wheel or a pinch, + and -),
// pan (drag, shift+wheel), an overview strip below the lanes that shows the visible window over the
// whole run (click or drag it to move there), hover for exact times, and a reset. The keyboard's hover
// is a cursor (the arrow keys; timeCursor.ts) whose lines a live region reads out; the view follows it.
// Drawn on a <canvas> column by column (laneColumns.ts), so a frame costs the pixels, not the spans.
// The text alternative is the run's summary (aria-label) plus a live line naming the visible window.
import { estimateTextWidth } from '../../../src/report/labelSlots';
import { formatTick, timeTicks } from '../../../src/report/timeAxis';
import type { TimelineModel } from '../../../src/report/timelineModel';
import { formatInstant, hoverLines } from './hoverDetail';
import { type ColumnStates, columnStates, laneColumns } from '../../../src/report/levelOfDetail/laneColumns';
import { type PackedTimeline, packTimeline } from '../../../src/report/levelOfDetail/packedLanes';
import { fitLabel } from './fitLabel';
import { paintLane } from './paintLane';
import { type TimelineColours, themeColours } from './themeColours';
import { type TimeCursor, cursorAtCentre, cursorInView, moveCursor } from './timeCursor';
import { type TimeWindow, centreOn, isWholeRun, panBy, wholeRun, zoomAt } from './timeWindow';

export const explorerTag = 'sld-timeline-explorer';

const axisHeight = 20;
/** The lane names' column and the space right of the plot (the WAL chart under it lines up with both). */
export const gutter = 150;
const overviewGap = 10;
const overviewHeight = 30;
export const rightPad = 8;
const keyZoom = 1.5;
/** The cursor's step, as a share of the visible window: an arrow key, and with Shift. */
const cursorStep = 0.01;
const cursorBigStep = 0.1;
/** Room the lane names get in the gutter before they are shortened with an ellipsis. */
const nameWidth = gutter - 10;

type Drag = { kind: 'pan'; startX: number; startWindow: TimeWindow } | { kind: 'brush' };

export class TimelineExplorer extends HTMLElement {
  private packed: PackedTimeline | null = null;
  private currentModel: TimelineModel | null = null;
  private visible: TimeWindow = { fromUs: 0, toUs: 1 };
  private canvas!: HTMLCanvasElement;
  private tip!: HTMLDivElement;
  private status!: HTMLElement;
  /** Reads out what the keyboard's cursor is on (a polite live region, visually hidden). */
  private announcer!: HTMLElement;
  private cursor: TimeCursor | null = null;
  /** The lane names as the last frame drew them (shortened to fit), for the title of a hovered name. */
  private shownNames: string[] = [];
  private colours: TimelineColours | null = null;
  private buffers: ColumnStates = columnStates(0);
  private overview: HTMLCanvasElement | null = null;
  /** The lanes' pixels, one CSS pixel each, put on `lanesCanvas` and drawn scaled to the screen. */
  private lanesCanvas: HTMLCanvasElement | null = null;
  private lanesImage: ImageData | null = null;
  private frame = 0;
  private drag: Drag | null = null;
  private built = false;
  private resizeObserver: ResizeObserver | null = null;
  private themeObserver: MutationObserver | null = null;
  /** How long the last frame took to draw, in ms (the benchmark reads it). */
  lastDrawMs = 0;

  get model(): TimelineModel | null {
    return this.currentModel;
  }

  set model(model: TimelineModel | null) {
    if (model === this.currentModel) {
      return;
    }
    this.currentModel = model;
    this.packed = model === null ? null : packTimeline(model);
    this.cursor = null;
    this.shownNames = [];
    this.overview = null;
    this.visible = wholeRun(this.packed?.endUs ?? 1);
    this.scheduleDraw();
  }

  /** The visible window, in microseconds of the run. */
  get window(): TimeWindow {
    return { ...this.visible };
  }

  set window(window: TimeWindow) {
    this.visible = { ...window };
    this.scheduleDraw();
  }

  connectedCallback(): void {
    if (!this.built) {
      this.build();
    }
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => {
        this.overview = null;
        this.scheduleDraw();
      });
      this.resizeObserver.observe(this);
    }
    // VS Code switches themes by the body's class: re-read the colours then.
    this.themeObserver = new MutationObserver(() => {
      this.colours = null;
      this.overview = null;
      this.scheduleDraw();
    });
    this.themeObserver.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    this.scheduleDraw();
  }

  disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.themeObserver?.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  zoomIn(): void {
    this.zoomBy(keyZoom);
  }

  zoomOut(): void {
    this.zoomBy(1 / keyZoom);
  }

  /** Around the keyboard's cursor when it is in view, else around the middle. */
  private zoomBy(factor: number): void {
    const { fromUs, toUs } = this.visible;
    const cursor = this.cursor;
    const anchor =
      cursor !== null && cursorInView(cursor, this.visible) ? (cursor.us - fromUs) / (toUs - fromUs) : 0.5;
    this.setWindow(zoomAt(this.visible, this.endUs(), factor, anchor));
    this.showCursor();
  }

  reset(): void {
    this.setWindow(wholeRun(this.endUs()));
  }

  /** Draws now (instead of at the next animation frame) and returns how long it took, in ms. */
  drawNow(): number {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw();
    return this.lastDrawMs;
  }

  private build(): void {
    this.built = true;
    const toolbar = document.createElement('div');
    toolbar.className = 'explorer-toolbar';
    const button = (label: string, title: string, action: () => void): HTMLElement => {
      const element = document.createElement('vscode-button');
      element.setAttribute('secondary', '');
      element.textContent = label;
      element.title = title;
      element.addEventListener('click', action);
      return element;
    };
    this.status = document.createElement('span');
    this.status.className = 'explorer-window muted';
    this.status.setAttribute('aria-live', 'polite');
    toolbar.append(
      button('Zoom in', 'Zoom in (+)', () => this.zoomIn()),
      button('Zoom out', 'Zoom out (-)', () => this.zoomOut()),
      button('Reset', 'Show the whole run (0)', () => this.reset()),
      this.status,
    );
    this.canvas = document.createElement('canvas');
    this.canvas.tabIndex = 0;
    this.canvas.className = 'explorer-canvas';
    this.canvas.setAttribute('role', 'img');
    this.tip = document.createElement('div');
    this.tip.className = 'explorer-tip';
    this.tip.setAttribute('role', 'tooltip');
    this.tip.hidden = true;
    this.announcer = document.createElement('div');
    this.announcer.className = 'visually-hidden explorer-cursor-text';
    this.announcer.setAttribute('aria-live', 'polite');
    this.append(toolbar, this.canvas, this.tip, this.announcer);
    this.canvas.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    this.canvas.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    this.canvas.addEventListener('pointermove', (event) => this.onPointerMove(event));
    this.canvas.addEventListener('pointerup', (event) => this.onPointerUp(event));
    this.canvas.addEventListener('pointercancel', (event) => this.onPointerUp(event));
    this.canvas.addEventListener('pointerleave', () => this.hideTip());
    this.canvas.addEventListener('keydown', (event) => this.onKey(event));
    this.canvas.addEventListener('blur', () => this.clearCursor());
  }

  private endUs(): number {
    return this.packed?.endUs ?? 1;
  }

  private setWindow(window: TimeWindow): void {
    this.visible = window;
    this.hideTip();
    this.scheduleDraw();
  }

  private scheduleDraw(): void {
    if (this.frame !== 0 || !this.isConnected) {
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private laneHeight(): number {
    const lanes = Math.max(1, this.packed?.lanes.length ?? 1);
    return Math.max(6, Math.min(28, Math.floor(360 / lanes)));
  }

  private plotWidth(): number {
    return Math.max(80, Math.floor(this.cssWidth() - gutter - rightPad));
  }

  private cssWidth(): number {
    return Math.max(320, this.clientWidth || 640);
  }

  private lanesBottom(): number {
    return axisHeight + (this.packed?.lanes.length ?? 0) * this.laneHeight();
  }

  private overviewTop(): number {
    return this.lanesBottom() + overviewGap;
  }

  private draw(): void {
    const started = performance.now();
    const packed = this.packed;
    const context = this.canvas?.getContext('2d');
    this.updateText();
    if (packed === null || !context) {
      return;
    }
    const colours = (this.colours ??= themeColours(this));
    const ratio = window.devicePixelRatio || 1;
    const width = this.cssWidth();
    const height = this.overviewTop() + overviewHeight + 4;
    if (
      this.canvas.width !== Math.round(width * ratio) ||
      this.canvas.height !== Math.round(height * ratio)
    ) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const columns = this.plotWidth();
    if (this.buffers.ranks.length < columns) {
      this.buffers = columnStates(columns);
    }
    this.drawAxis(context, colours, columns);
    const laneHeight = this.laneHeight();
    context.font = `${this.nameFontSize()}px ${colours.fontFamily}`;
    context.textBaseline = 'middle';
    this.shownNames = packed.lanes.map((lane) =>
      fitLabel(lane.name, nameWidth, (text) => context.measureText(text).width),
    );
    this.shownNames.forEach((name, index) => {
      const top = axisHeight + index * laneHeight;
      context.save();
      context.beginPath();
      context.rect(0, top, gutter - 6, laneHeight);
      context.clip();
      context.fillStyle = colours.text;
      context.fillText(name, 4, top + laneHeight / 2);
      context.restore();
    });
    const lanesHeight = Math.max(1, packed.lanes.length * laneHeight);
    const image = this.lanesPixels(columns, lanesHeight);
    if (image !== null) {
      const pixels = new Uint32Array(image.data.buffer);
      pixels.fill(0);
      packed.lanes.forEach((lane, index) => {
        laneColumns(lane, this.visible.fromUs, this.visible.toUs, columns, this.buffers);
        paintLane(
          pixels,
          columns,
          index * laneHeight,
          laneHeight,
          this.buffers,
          columns,
          colours.pixels,
          false,
        );
      });
      const lanesCanvas = this.lanesCanvas as HTMLCanvasElement;
      lanesCanvas.getContext('2d')?.putImageData(image, 0, 0);
      context.imageSmoothingEnabled = false;
      context.drawImage(lanesCanvas, gutter, axisHeight, columns, lanesHeight);
    }
    this.drawCursor(context, colours, columns, laneHeight);
    this.drawOverview(context, colours, columns);
    this.lastDrawMs = performance.now() - started;
  }

  /** The keyboard's cursor: a line through the lanes at its instant, its lane outlined. */
  private drawCursor(
    context: CanvasRenderingContext2D,
    colours: TimelineColours,
    columns: number,
    laneHeight: number,
  ): void {
    const cursor = this.cursor;
    if (cursor === null || !cursorInView(cursor, this.visible)) {
      return;
    }
    const { fromUs, toUs } = this.visible;
    const x = gutter + ((cursor.us - fromUs) / (toUs - fromUs)) * columns;
    context.fillStyle = colours.window;
    context.fillRect(Math.round(x) - 1, axisHeight, 2, this.lanesBottom() - axisHeight);
    context.strokeStyle = colours.window;
    context.lineWidth = 1;
    context.strokeRect(
      gutter + 0.5,
      axisHeight + cursor.lane * laneHeight + 0.5,
      columns - 1,
      laneHeight - 1,
    );
  }

  private lanesPixels(columns: number, height: number): ImageData | null {
    if (this.lanesImage?.width !== columns || this.lanesImage.height !== height) {
      this.lanesCanvas ??= document.createElement('canvas');
      this.lanesCanvas.width = columns;
      this.lanesCanvas.height = height;
      this.lanesImage = this.lanesCanvas.getContext('2d')?.createImageData(columns, height) ?? null;
    }
    return this.lanesImage;
  }

  private drawAxis(context: CanvasRenderingContext2D, colours: TimelineColours, columns: number): void {
    const { fromUs, toUs } = this.visible;
    const spanMs = (toUs - fromUs) / 1000;
    const stepMs = timeTicks(spanMs, Math.max(2, Math.floor(columns / 90))).stepMs;
    context.font = `11px ${colours.fontFamily}`;
    context.textBaseline = 'middle';
    context.textAlign = 'center';
    for (let ms = Math.ceil(fromUs / 1000 / stepMs) * stepMs; ms <= toUs / 1000; ms += stepMs) {
      const x = gutter + ((ms * 1000 - fromUs) / (toUs - fromUs)) * columns;
      context.fillStyle = colours.grid;
      context.fillRect(Math.round(x), axisHeight - 4, 1, this.lanesBottom() - axisHeight + 4);
      context.fillStyle = colours.muted;
      context.fillText(
        formatTick(Number(ms.toPrecision(12)), stepMs),
        Math.min(Math.max(x, gutter + 16), gutter + columns - 20),
        axisHeight / 2,
      );
    }
    context.textAlign = 'start';
  }

  private drawOverview(context: CanvasRenderingContext2D, colours: TimelineColours, columns: number): void {
    const packed = this.packed as PackedTimeline;
    const top = this.overviewTop();
    if (this.overview?.width !== columns) {
      this.overview = document.createElement('canvas');
      this.overview.width = columns;
      this.overview.height = overviewHeight;
      const image = this.overview.getContext('2d');
      if (image !== null) {
        const pixelsImage = image.createImageData(columns, overviewHeight);
        const pixels = new Uint32Array(pixelsImage.data.buffer);
        const buffers = columnStates(columns);
        const lanes = Math.max(1, packed.lanes.length);
        packed.lanes.forEach((lane, index) => {
          const top = Math.floor((index * overviewHeight) / lanes);
          const bottom = Math.max(top + 1, Math.floor(((index + 1) * overviewHeight) / lanes));
          laneColumns(lane, 0, packed.endUs, columns, buffers);
          paintLane(
            pixels,
            columns,
            top,
            Math.min(bottom, overviewHeight) - top,
            buffers,
            columns,
            colours.pixels,
            true,
          );
        });
        image.putImageData(pixelsImage, 0, 0);
      }
    }
    context.fillStyle = colours.muted;
    context.fillText('Whole run', 4, top + overviewHeight / 2);
    context.drawImage(this.overview, gutter, top, columns, overviewHeight);
    // Everything outside the visible window is dimmed; the window itself is outlined.
    const x0 = gutter + (this.visible.fromUs / packed.endUs) * columns;
    const x1 = gutter + (this.visible.toUs / packed.endUs) * columns;
    context.globalAlpha = 0.6;
    context.fillStyle = colours.shade;
    context.fillRect(gutter, top, x0 - gutter, overviewHeight);
    context.fillRect(x1, top, gutter + columns - x1, overviewHeight);
    context.globalAlpha = 1;
    context.strokeStyle = colours.window;
    context.lineWidth = 2;
    context.strokeRect(x0, top, Math.max(2, x1 - x0), overviewHeight);
  }

  private updateText(): void {
    if (this.canvas === undefined) {
      return;
    }
    const packed = this.packed;
    const keys =
      'Keys: + and - zoom, left and right arrows move a cursor that reads out the lane under it ' +
      '(with Shift in bigger steps; the view follows it), up and down arrows change the lane, ' +
      '0 shows the whole run, Escape hides the cursor.';
    this.canvas.setAttribute('aria-label', `${packed?.summary ?? 'Lock timeline'} ${keys}`);
    if (packed !== null) {
      const { fromUs, toUs } = this.visible;
      this.status.textContent = isWholeRun(this.visible, packed.endUs)
        ? `Whole run, ${formatInstant(packed.endUs)}`
        : `Showing ${formatInstant(fromUs)} to ${formatInstant(toUs)} of ${formatInstant(packed.endUs)}`;
    }
  }

  private columnAt(clientX: number): number {
    return clientX - this.canvas.getBoundingClientRect().left - gutter;
  }

  private onWheel(event: WheelEvent): void {
    if (this.packed === null) {
      return;
    }
    const columns = this.plotWidth();
    const spanUs = this.visible.toUs - this.visible.fromUs;
    const horizontal = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
    // Zooming out past the whole run leaves the wheel to the page, so the panel still scrolls.
    if (!horizontal && !event.ctrlKey && event.deltaY > 0 && isWholeRun(this.visible, this.endUs())) {
      return;
    }
    event.preventDefault();
    if (horizontal && !event.ctrlKey) {
      const delta = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
      this.setWindow(panBy(this.visible, this.endUs(), (delta / columns) * spanUs));
      return;
    }
    // Lines or pages (deltaMode 1, 2) count as a few dozen pixels each; a pinch comes as ctrl+wheel.
    const pixels = event.deltaY * (event.deltaMode === 0 ? 1 : 40);
    const factor = Math.exp(-pixels * (event.ctrlKey ? 0.01 : 0.002));
    const anchor = Math.min(1, Math.max(0, this.columnAt(event.clientX) / columns));
    this.setWindow(zoomAt(this.visible, this.endUs(), factor, anchor));
  }

  private onPointerDown(event: PointerEvent): void {
    if (this.packed === null || event.button !== 0) {
      return;
    }
    this.canvas.focus();
    this.canvas.setPointerCapture?.(event.pointerId);
    const y = event.clientY - this.canvas.getBoundingClientRect().top;
    if (y >= this.overviewTop() - 2) {
      this.drag = { kind: 'brush' };
      this.brushTo(event.clientX);
    } else {
      this.drag = { kind: 'pan', startX: event.clientX, startWindow: this.visible };
    }
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (drag === null) {
      this.showTip(event);
      this.titleName(event);
      return;
    }
    if (drag.kind === 'brush') {
      this.brushTo(event.clientX);
      return;
    }
    const spanUs = drag.startWindow.toUs - drag.startWindow.fromUs;
    const deltaUs = (-(event.clientX - drag.startX) / this.plotWidth()) * spanUs;
    this.setWindow(panBy(drag.startWindow, this.endUs(), deltaUs));
  }

  private onPointerUp(event: PointerEvent): void {
    this.drag = null;
    this.canvas.releasePointerCapture?.(event.pointerId);
  }

  private brushTo(clientX: number): void {
    const share = Math.min(1, Math.max(0, this.columnAt(clientX) / this.plotWidth()));
    this.setWindow(centreOn(this.visible, this.endUs(), share * this.endUs()));
  }

  private onKey(event: KeyboardEvent): void {
    const step = (event.shiftKey ? cursorBigStep : cursorStep) * (this.visible.toUs - this.visible.fromUs);
    const actions: Record<string, () => void> = {
      '+': () => this.zoomIn(),
      '=': () => this.zoomIn(),
      '-': () => this.zoomOut(),
      _: () => this.zoomOut(),
      '0': () => this.reset(),
      Home: () => this.reset(),
      ArrowLeft: () => this.stepCursor(-step, 0),
      ArrowRight: () => this.stepCursor(step, 0),
      ArrowUp: () => this.stepCursor(0, -1),
      ArrowDown: () => this.stepCursor(0, 1),
      Escape: () => this.clearCursor(),
    };
    const action = actions[event.key];
    if (action !== undefined && !event.altKey && !event.metaKey && (event.key !== 'Escape' || this.cursor)) {
      event.preventDefault();
      action();
    }
  }

  /** The first arrow shows the cursor in the middle of the view; the next ones move it. */
  private stepCursor(deltaUs: number, deltaLanes: number): void {
    const packed = this.packed;
    if (packed === null || packed.lanes.length === 0) {
      return;
    }
    if (this.cursor === null || !cursorInView(this.cursor, this.visible)) {
      this.cursor = { ...cursorAtCentre(this.visible), lane: this.cursor?.lane ?? 0 };
    } else {
      const moved = moveCursor(
        this.cursor,
        deltaUs,
        deltaLanes,
        this.visible,
        packed.endUs,
        packed.lanes.length,
      );
      this.cursor = moved.cursor;
      this.visible = moved.window;
    }
    this.showCursor();
    this.scheduleDraw();
  }

  private clearCursor(): void {
    if (this.cursor !== null) {
      this.cursor = null;
      this.announcer.textContent = '';
      this.hideTip();
      this.scheduleDraw();
    }
  }

  /** The hover box at the cursor, and the same lines read out. */
  private showCursor(): void {
    const packed = this.packed;
    const cursor = this.cursor;
    if (packed === null || cursor === null || !cursorInView(cursor, this.visible)) {
      return;
    }
    const lane = packed.lanes[cursor.lane];
    const columns = this.plotWidth();
    const { fromUs, toUs } = this.visible;
    const columnUs = (toUs - fromUs) / columns;
    const column = Math.min(columns - 1, Math.floor((cursor.us - fromUs) / columnUs));
    const columnStart = fromUs + column * columnUs;
    const lines = hoverLines(lane, cursor.us, columnStart, columnStart + columnUs);
    const canvasBox = this.canvas.getBoundingClientRect();
    const box = this.getBoundingClientRect();
    const x = canvasBox.left - box.left + gutter + column;
    const y = canvasBox.top - box.top + axisHeight + (cursor.lane + 1) * this.laneHeight();
    this.fillTip(lines, x + 14, y + 4);
    this.announcer.textContent = `At ${formatInstant(cursor.us)}: ${lines.join(', ')}`;
  }

  /** A lane name shortened with an ellipsis gets its full name as the canvas's title while hovered. */
  private titleName(event: PointerEvent): void {
    const packed = this.packed;
    const rect = this.canvas.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const laneIndex = Math.floor((event.clientY - rect.top - axisHeight) / this.laneHeight());
    const lane = packed?.lanes[laneIndex];
    const inGutter = x >= 0 && x < gutter && event.clientY - rect.top >= axisHeight;
    const shown =
      lane === undefined
        ? undefined
        : (this.shownNames[laneIndex] ??
          fitLabel(lane.name, nameWidth, (text) => estimateTextWidth(text, this.nameFontSize())));
    if (inGutter && lane !== undefined && shown !== lane.name) {
      this.canvas.title = lane.name;
    } else {
      this.canvas.removeAttribute('title');
    }
  }

  private nameFontSize(): number {
    return Math.min(12, Math.max(9, this.laneHeight() - 4));
  }

  private showTip(event: PointerEvent): void {
    const packed = this.packed;
    if (packed === null) {
      return;
    }
    const rect = this.canvas.getBoundingClientRect();
    const column = Math.floor(event.clientX - rect.left - gutter);
    const laneIndex = Math.floor((event.clientY - rect.top - axisHeight) / this.laneHeight());
    const lane = packed.lanes[laneIndex];
    const columns = this.plotWidth();
    if (lane === undefined || column < 0 || column >= columns || event.clientY - rect.top < axisHeight) {
      this.hideTip();
      return;
    }
    const { fromUs, toUs } = this.visible;
    const columnUs = (toUs - fromUs) / columns;
    const columnStart = fromUs + column * columnUs;
    const atUs = fromUs + ((event.clientX - rect.left - gutter) / columns) * (toUs - fromUs);
    const lines = hoverLines(lane, atUs, columnStart, columnStart + columnUs);
    const box = this.getBoundingClientRect();
    this.fillTip(lines, event.clientX - box.left + 14, event.clientY - box.top + 16);
  }

  /** The hover box with `lines` as text (names and messages come from other programs), at left/top. */
  private fillTip(lines: string[], left: number, top: number): void {
    this.tip.replaceChildren(
      ...lines.map((line) => {
        const row = document.createElement('div');
        row.textContent = line;
        return row;
      }),
    );
    this.tip.hidden = false;
    this.tip.style.left = `${Math.min(left, Math.max(0, this.clientWidth - 320))}px`;
    this.tip.style.top = `${top}px`;
  }

  private hideTip(): void {
    if (this.tip !== undefined) {
      this.tip.hidden = true;
    }
  }
}

export function defineTimelineExplorer(): void {
  if (customElements.get(explorerTag) === undefined) {
    customElements.define(explorerTag, TimelineExplorer);
  }
}

import { DataGrid, type Column, type DataGridHandle, type RenderEditCellProps } from "react-data-grid";
import "react-data-grid/lib/styles.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { columnLetters, type CellRange } from "../../src/addresses.ts";
import type { Workbook } from "../../engine/workbook.ts";
import { dataEdge, type Direction } from "../dataEdge.ts";
import { formatValue } from "../../engine/numberFormat.ts";
import { moveCorner, rangeBetween, type CellPosition } from "../selection.ts";

export type { CellPosition };

interface Props {
  model: Workbook;
  sheet: string;
  version: number;
  onSelect: (cell: CellPosition) => void;
  /** A range selected with Shift (the active cell stays where it began); a single cell again when the selection collapses. */
  onSelectRange?: (range: CellRange) => void;
  onEdit: (cell: CellPosition, input: string) => void;
  /** Delete on a range of more than one cell. */
  onClear?: (range: CellRange) => void;
  /** Ctrl+Z and Ctrl+Y: the cell changed, to go to, or undefined when there was nothing. */
  onUndo?: () => CellPosition | undefined;
  onRedo?: () => CellPosition | undefined;
  /** The cell selected from outside the grid (the pane's Range.select): the grid moves to it. */
  selected?: CellPosition;
}

const PIXELS_PER_POINT = 4 / 3;
/** A grid cell pads its text 3 px each side, as Excel does (workbench.css). */
const CELL_PADDING = 6;

let measure: CanvasRenderingContext2D | null | undefined;
/** The width of text in the grid's font (13 px), measured, not guessed. */
function textWidth(text: string): number {
  if (measure === undefined) {
    measure = document.createElement("canvas").getContext("2d");
    if (measure) measure.font = `13px ${getComputedStyle(document.body).fontFamily}`;
  }
  return measure ? measure.measureText(text).width : text.length * 7.5;
}

/** The cells of one sheet: values as formatted, errors with their message on hover, tables banded. */
export function SheetGrid({ model, sheet, version, onSelect, onSelectRange, onEdit, onClear, onUndo, onRedo, selected }: Props) {
  const used = model.usedRange(sheet);
  const rowCount = Math.max(60, (used?.bottom ?? 0) + 30);
  const columnCount = Math.max(12, (used?.right ?? 0) + 4);
  const rows = useMemo(() => Array.from({ length: rowCount }, (_, i) => i), [rowCount]);
  const tables = model.tables.filter((t) => t.sheet === sheet);
  // A merge spans its columns on its first row, as Excel draws it (the grid spans columns, not rows: a taller merge shows its first row merged).
  const merges = model.mergesOf(sheet);
  // As in Excel, typing on a cell replaces what is there; double-click or F2 edits it.
  const typedOver = useRef(false);
  const grid = useRef<DataGridHandle>(null);
  // The cell the grid last reported, so a selection it made itself is not sent back to it.
  const reported = useRef<CellPosition | undefined>(undefined);
  // The range selected: the active cell (the anchor) and the corner Shift+click or Shift+arrow moved; none for a single cell.
  const [corner, setCorner] = useState<{ anchor: CellPosition; corner: CellPosition }>();
  const range = corner && rangeBetween(corner.anchor, corner.corner);
  const inRange = (row: number, column: number) =>
    range !== undefined && row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;
  const extendTo = (anchor: CellPosition, to: CellPosition) => {
    setCorner({ anchor, corner: to });
    onSelectRange?.(rangeBetween(anchor, to));
    grid.current?.scrollToCell({ rowIdx: to.row, idx: to.column + 1 });
  };
  const wanted = selected && `${selected.row}:${selected.column}`;
  useEffect(() => {
    if (!selected || (reported.current?.row === selected.row && reported.current.column === selected.column)) return;
    grid.current?.setActivePosition({ rowIdx: selected.row, idx: selected.column + 1 });
    grid.current?.scrollToCell({ rowIdx: selected.row, idx: selected.column + 1 });
    // The position, as text, is what changes: a new object for the same cell does not move the grid.
  }, [wanted]);

  const columns = useMemo((): Column<number>[] => {
    // Each cell's overflow, worked out once a repaint: the cell's class and its text both need it.
    const overflows = new Map<string, number>();
    const overflow = (row: number, column: number) => {
      const at = `${row},${column}`;
      let width = overflows.get(at);
      if (width === undefined) overflows.set(at, (width = overflowWidth(model, sheet, row, column, columnCount)));
      return width;
    };
    const rowHeader: Column<number> = {
      key: "row",
      name: "",
      // Wide enough for the last row's number, however many digits it has.
      width: Math.max(44, String(rowCount).length * 8 + 20),
      frozen: true,
      cellClass: "wb-row-header",
      renderCell: ({ row }) => row + 1,
    };
    const cells = Array.from({ length: columnCount }, (_, column): Column<number> => {
      const letters = columnLetters(column);
      return {
        key: letters,
        name: letters,
        width: Math.round(model.columnWidth(sheet, column) * PIXELS_PER_POINT),
        resizable: true,
        colSpan: (args) => {
          if (args.type !== "ROW") return undefined;
          const merge = merges.find((m) => m.top === args.row && m.left === column);
          return merge && merge.right > merge.left ? merge.right - merge.left + 1 : undefined;
        },
        renderCell: ({ row }) => <CellView model={model} sheet={sheet} row={row} column={column} overflow={overflow(row, column)} />,
        renderEditCell: (props) => (
          <CellEditor {...props} model={model} sheet={sheet} columnIndex={column} onEdit={onEdit} typedOver={typedOver} />
        ),
        cellClass: (row) => {
          const selectedClass = (inRange(row, column) ? " wb-in-range" : "") + (overflow(row, column) ? " wb-overflow" : "");
          const table = tables.find(
            (t) => row >= t.range.top && row <= t.range.bottom && column >= t.range.left && column <= t.range.right,
          );
          if (!table) return selectedClass || undefined;
          return (
            (row === table.range.top ? "wb-table-header" : (row - table.range.top) % 2 === 0 ? "wb-table-band" : "wb-table-row") +
            selectedClass
          );
        },
      };
    });
    return [rowHeader, ...cells];
    // The version makes the columns (and their cells) follow every change to the workbook.
  }, [model, sheet, columnCount, rowCount, version, onEdit, range?.top, range?.left, range?.bottom, range?.right]);

  return (
    <DataGrid
      ref={grid}
      className="wb-grid rdg-light"
      aria-label={`Cells of ${sheet}`}
      columns={columns}
      rows={rows}
      rowKeyGetter={(row) => row}
      rowHeight={24}
      headerRowHeight={24}
      onCellMouseDown={(args, event) => {
        // Shift+click selects from the active cell to the cell clicked; the active cell stays.
        if (!event.shiftKey || args.column.key === "row") return;
        const active = corner?.anchor ?? reported.current;
        if (!active) return;
        event.preventGridDefault();
        extendTo(active, { row: args.row, column: args.column.idx - 1 });
      }}
      onCellKeyDown={(args, event) => {
        // Delete clears the cell, or every cell selected, as in Excel, without opening the editor.
        if (event.key === "Delete" && args.mode === "ACTIVE" && args.column && args.column.key !== "row" && args.row !== undefined) {
          event.preventGridDefault();
          if (range && onClear) onClear(range);
          else onEdit({ row: args.row, column: args.column.idx - 1 }, "");
          return;
        }
        const ctrl = event.ctrlKey || event.metaKey;
        const arrow = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" }[event.key] as Direction | undefined;
        // Shift+arrow moves the selection's other corner a cell; Ctrl+Shift+arrow to the edge of the data.
        if (args.mode === "ACTIVE" && event.shiftKey && arrow && args.column && args.column.key !== "row" && args.row !== undefined) {
          event.preventGridDefault();
          event.preventDefault();
          const anchor = corner?.anchor ?? { row: args.row, column: args.column.idx - 1 };
          const to = moveCorner(model, sheet, corner?.corner ?? anchor, arrow, ctrl, { rows: rowCount, columns: columnCount });
          extendTo(anchor, to);
          return;
        }
        if (args.mode === "ACTIVE" && ctrl && (event.key === "z" || event.key === "y" || event.key === "Z" || event.key === "Y")) {
          event.preventGridDefault();
          event.preventDefault();
          const moved = event.key.toLowerCase() === "z" ? onUndo?.() : onRedo?.();
          if (moved) grid.current?.setActivePosition({ rowIdx: moved.row, idx: moved.column + 1 });
          return;
        }
        // Ctrl+arrow: to the edge of the data, as in Excel.
        const direction = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" }[event.key] as Direction | undefined;
        if (args.mode === "ACTIVE" && ctrl && direction && args.column && args.column.key !== "row" && args.row !== undefined) {
          event.preventGridDefault();
          event.preventDefault();
          const to = dataEdge(model, sheet, { row: args.row, column: args.column.idx - 1 }, direction, {
            rows: rowCount,
            columns: columnCount,
          });
          grid.current?.setActivePosition({ rowIdx: to.row, idx: to.column + 1 });
          grid.current?.scrollToCell({ rowIdx: to.row, idx: to.column + 1 });
          return;
        }
        typedOver.current = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      }}
      // A column resized by the planner keeps its width in the workbook: across a sheet switch, and in the saved file.
      onColumnResize={(column, width) => {
        if (column.key !== "row") model.setColumnWidth(sheet, column.idx - 1, width / PIXELS_PER_POINT);
      }}
      onCellDoubleClick={() => {
        typedOver.current = false;
      }}
      onActivePositionChange={({ rowIdx, column }) => {
        if (rowIdx >= 0 && column && column.key !== "row") {
          reported.current = { row: rowIdx, column: column.idx - 1 };
          // Moving the active cell without Shift leaves one cell selected.
          setCorner(undefined);
          onSelect(reported.current);
        }
      }}
    />
  );
}

/**
 * How far a cell's text runs past its own column, as Excel draws it: text
 * too long for its cell runs on over the empty cells to its right and stops
 * at the first that holds something. The width in pixels it may take, or 0
 * where it fits, is not text, or has no empty neighbour to run into.
 */
function overflowWidth(model: Workbook, sheet: string, row: number, column: number, columns: number): number {
  const one = (c: number) => ({ top: row, left: c, bottom: row, right: c });
  const value = model.values(sheet, one(column))[0]![0];
  if (
    typeof value !== "string" ||
    value === "" ||
    value.startsWith("#") ||
    model.mergesOf(sheet).some((m) => m.top === row && m.left === column)
  )
    return 0;
  const own = model.columnWidth(sheet, column) * PIXELS_PER_POINT - CELL_PADDING;
  const needed = textWidth(value);
  if (needed <= own) return 0;
  let width = own;
  for (let c = column + 1; c < Math.min(columns, column + 40) && width < needed; c++) {
    if (model.values(sheet, one(c))[0]![0] !== "") break;
    width += model.columnWidth(sheet, c) * PIXELS_PER_POINT;
  }
  return width > own ? width : 0;
}

function CellView({
  model,
  sheet,
  row,
  column,
  overflow,
}: {
  model: Workbook;
  sheet: string;
  row: number;
  column: number;
  /** The width its text may take over empty neighbours (0: its own cell, cut there). */
  overflow: number;
}) {
  const address = `${columnLetters(column)}${row + 1}`;
  const error = model.errorAt(sheet, row, column);
  if (error) {
    return (
      <span className="wb-error" data-cell={address} title={`${error.code} ${error.message}`}>
        {error.code}
      </span>
    );
  }
  const value = model.values(sheet, { top: row, left: column, bottom: row, right: column })[0]![0];
  const format = model.numberFormats(sheet, { top: row, left: column, bottom: row, right: column })[0]![0];
  const style = model.style(sheet, row, column);
  const text = formatValue(value, format);
  // A number too wide for its column shows ####, as in Excel, never a cut-off figure (£45,890.6 for £45,890.61).
  const width = model.columnWidth(sheet, column) * PIXELS_PER_POINT - CELL_PADDING;
  const shown = typeof value === "number" && textWidth(text) > width ? "#".repeat(Math.max(1, Math.floor(width / textWidth("#")))) : text;
  return (
    <span
      data-cell={address}
      className={typeof value === "number" ? "wb-number" : undefined}
      style={{
        ...(overflow ? { display: "inline-block", maxWidth: overflow, overflow: "hidden", verticalAlign: "top" } : {}),
        fontWeight: style?.bold ? 600 : undefined,
        fontStyle: style?.italic ? "italic" : undefined,
        background: style?.fill,
        color: style?.color,
      }}
    >
      {shown}
    </span>
  );
}

function CellEditor({
  row,
  onClose,
  model,
  sheet,
  columnIndex: column,
  onEdit,
  typedOver,
}: RenderEditCellProps<number> & {
  model: Workbook;
  sheet: string;
  columnIndex: number;
  onEdit: Props["onEdit"];
  typedOver: { current: boolean };
}) {
  const initial = typedOver.current
    ? ""
    : String(model.formulas(sheet, { top: row, left: column, bottom: row, right: column })[0]![0] ?? "");
  return (
    <input
      className="wb-cell-editor"
      aria-label={`Edit ${columnLetters(column)}${row + 1}`}
      autoFocus
      defaultValue={initial}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === "Tab") {
          onEdit({ row, column }, event.currentTarget.value);
          onClose(false, true);
        } else if (event.key === "Escape") onClose(false, true);
      }}
      onBlur={(event) => {
        if (event.currentTarget.value !== initial) onEdit({ row, column }, event.currentTarget.value);
        onClose(false, false);
      }}
    />
  );
}

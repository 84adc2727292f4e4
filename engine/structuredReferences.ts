import { cellAddress, rangeAddress, sheetPrefix, type CellRange } from "../src/addresses.ts";

/*
 * Excel tables' structured references (tblStaff[FTE], tblStaff[@Hours],
 * tblStaff[[#Headers],[Band]]) that HyperFormula cannot parse, translated to
 * plain absolute ranges. Text inside string literals is left alone.
 */

export interface TableGeometry {
  name: string;
  sheet: string;
  /** The whole table, header row included, 0-based and inclusive. */
  range: CellRange;
  columns: readonly string[];
  hasHeaders: boolean;
  hasTotals: boolean;
}

interface Where {
  /** The sheet and row of the formula's cell, for [@Column] and bare [Column] inside a table. */
  sheet: string;
  row: number;
  column: number;
}

const SPECIAL = new Set(["#all", "#data", "#headers", "#totals", "#this row", "@"]);

function dataRows(table: TableGeometry): { top: number; bottom: number } {
  return { top: table.range.top + (table.hasHeaders ? 1 : 0), bottom: table.range.bottom - (table.hasTotals ? 1 : 0) };
}

function columnOf(table: TableGeometry, name: string): number {
  const unescaped = name.replace(/'(.)/g, "$1").trim().toLowerCase();
  const index = table.columns.findIndex((c) => c.toLowerCase() === unescaped);
  if (index < 0) throw new Error(`table ${table.name} has no column "${name}": its columns are ${table.columns.join(", ")}`);
  return table.range.left + index;
}

/** The parts inside the outer brackets: "[#Headers],[Band]" gives ["#Headers", "Band"]; "FTE" gives ["FTE"]; "@Hours" gives ["@", "Hours"]. */
function specifierParts(inner: string): string[] {
  const trimmed = inner.trim();
  if (trimmed.startsWith("@")) {
    const rest = trimmed
      .slice(1)
      .trim()
      .replace(/^\[(.*)\]$/, "$1");
    return rest ? ["@", rest] : ["@"];
  }
  if (!trimmed.includes("[")) return trimmed ? [trimmed] : [];
  return [...trimmed.matchAll(/\[((?:[^\]']|'.)*)\]|:/g)].map((m) => m[1] ?? ":");
}

function translateOne(table: TableGeometry, inner: string, where: Where): string {
  const parts = specifierParts(inner);
  const specials = parts.filter((p) => SPECIAL.has(p.toLowerCase()));
  const columnParts = parts.filter((p) => !SPECIAL.has(p.toLowerCase()));
  let rows = dataRows(table);
  const special = specials[0]?.toLowerCase();
  if (special === "#all") rows = { top: table.range.top, bottom: table.range.bottom };
  else if (special === "#headers") rows = { top: table.range.top, bottom: table.range.top };
  else if (special === "#totals") rows = { top: table.range.bottom, bottom: table.range.bottom };
  else if (special === "@" || special === "#this row") rows = { top: where.row, bottom: where.row };

  let left = table.range.left;
  let right = table.range.right;
  const names = columnParts.filter((p) => p !== ":");
  if (names.length >= 1) {
    left = columnOf(table, names[0]!);
    right = columnOf(table, names[names.length - 1]!);
  }
  const range = { top: rows.top, bottom: rows.bottom, left: Math.min(left, right), right: Math.max(left, right) };
  const sameRow = special === "@" || special === "#this row";
  const address = sameRow && range.left === range.right ? cellAddress(range.top, range.left, true) : rangeAddress(range, true);
  return `${sheetPrefix(table.sheet)}${address}`;
}

/** Replaces every structured reference in `formula` by the range it means. Throws, naming the table, when one cannot be read. */
export function translateStructuredReferences(formula: string, tables: readonly TableGeometry[], where: Where): string {
  if (!formula.includes("[") || tables.length === 0) return formula;
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  const here = tables.find(
    (t) =>
      t.sheet === where.sheet &&
      where.row >= t.range.top &&
      where.row <= t.range.bottom &&
      where.column >= t.range.left &&
      where.column <= t.range.right,
  );
  // Split on string literals ("..." with "" inside) and translate only the code between them.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(
            /([A-Za-z_\\][A-Za-z0-9_.]*)?\[((?:[^[\]]|\[(?:[^\]']|'.)*\])*)\]/g,
            (match, name: string | undefined, inner: string) => {
              const table = name ? byName.get(name.toLowerCase()) : here;
              if (!table) {
                if (name) return match; // not a table: leave it for the engine to judge
                throw new Error(`${match} is a structured reference outside any table`);
              }
              return translateOne(table, inner, where);
            },
          ),
    )
    .join("");
}

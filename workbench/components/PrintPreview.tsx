import { Button, Text } from "@fluentui/react-components";
import { useEffect } from "react";
import { parseRangeAddress, type CellRange } from "../../src/addresses.ts";
import type { Workbook } from "../../engine/workbook.ts";
import { formatValue } from "../../engine/numberFormat.ts";
import { ChartView } from "./ChartView.tsx";
import { printLayout } from "../printLayout.ts";

/*
 * The active sheet as Excel would print it, from its page setup: the print
 * area (else the used cells and the charts placed on them) on a page of its
 * paper and orientation inside Excel's normal margins, scaled down to fit the
 * pages wide and tall it asks for. Cells are drawn with their formats and
 * styles at their column widths; charts where Chart.setPosition put them.
 */

const PX_PER_PT = 96 / 72;
const ROW_PT = 15;

export function PrintPreview({ model, sheet, version, onClose }: { model: Workbook; sheet: string; version: number; onClose: () => void }) {
  useEffect(() => {
    const close = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", close);
    return () => window.removeEventListener("keydown", close);
  }, [onClose]);
  const info = model.sheet(sheet);
  const charts = model.charts.filter((c) => c.sheet === info.name && c.anchor);
  const area = printArea(
    model,
    info.name,
    info.pageSetup?.printArea,
    charts.map((c) => c.anchor!),
  );
  const widths = area ? Array.from({ length: area.right - area.left + 1 }, (_, i) => model.columnWidth(info.name, area.left + i)) : [];
  const rows = area ? area.bottom - area.top + 1 : 0;
  const layout = printLayout(
    info.pageSetup ?? {},
    widths.reduce((a, b) => a + b, 0),
    rows * ROW_PT,
  );
  const x = (column: number) => widths.slice(0, column - (area?.left ?? 0)).reduce((a, b) => a + b, 0) * PX_PER_PT;
  const y = (row: number) => (row - (area?.top ?? 0)) * ROW_PT * PX_PER_PT;
  const cells = area ? model.values(info.name, area) : [];
  const formats = area ? model.numberFormats(info.name, area) : [];

  return (
    <div className="wb-print" role="dialog" aria-modal="true" aria-label={`Print preview of ${info.name}`} data-version={version}>
      <div className="wb-print-bar">
        <Text weight="semibold">Print preview: {info.name}</Text>
        <Text size={200} data-testid="print-summary">
          {layout.describe}
        </Text>
        <Button appearance="primary" onClick={onClose}>
          Close the preview
        </Button>
      </div>
      <div className="wb-print-desk">
        <div
          className="wb-print-page"
          data-testid="print-page"
          style={{
            width: `${layout.page.width}mm`,
            height: `${layout.page.height}mm`,
            padding: `${layout.margins.top}mm ${layout.margins.side}mm`,
          }}
        >
          {area && (
            <div
              className="wb-print-content"
              style={{ transform: `scale(${layout.scale})`, width: x(area.right + 1), height: y(area.bottom + 1) }}
            >
              {cells.flatMap((row, r) =>
                row.map((value, c) =>
                  value === "" ? null : (
                    <span
                      key={`${r},${c}`}
                      className={typeof value === "number" ? "wb-print-cell wb-number" : "wb-print-cell"}
                      style={{
                        left: x(area.left + c),
                        top: y(area.top + r),
                        minWidth: widths[c]! * PX_PER_PT,
                        fontWeight: model.style(info.name, area.top + r, area.left + c)?.bold ? 600 : undefined,
                      }}
                    >
                      {formatValue(value, formats[r]?.[c])}
                    </span>
                  ),
                ),
              )}
              {charts.map((chart) => {
                const at = chart.anchor!;
                return (
                  <div
                    key={chart.id}
                    className="wb-print-chart"
                    style={{ left: x(at.left), top: y(at.top), width: x(at.right + 1) - x(at.left), height: y(at.bottom + 1) - y(at.top) }}
                  >
                    <ChartView model={model} chart={chart} version={version} />
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** What prints: the print area when set, else the used cells and every placed chart. */
function printArea(model: Workbook, sheet: string, printArea: string | undefined, anchors: readonly CellRange[]): CellRange | undefined {
  if (printArea) return parseRangeAddress(printArea.replace(/^.*!/, "").replace(/\$/g, ""));
  const used = model.usedRange(sheet);
  return [...(used ? [used] : []), ...anchors].reduce<CellRange | undefined>(
    (all, r) =>
      all
        ? {
            top: Math.min(all.top, r.top),
            left: Math.min(all.left, r.left),
            bottom: Math.max(all.bottom, r.bottom),
            right: Math.max(all.right, r.right),
          }
        : r,
    undefined,
  );
}

import { beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook } from "../../engine/workbook.ts";
import { dataEdge } from "../../workbench/dataEdge.ts";
import { EditHistory } from "../../workbench/editHistory.ts";

beforeAll(async () => registerWfpFunctions(await loadMetadata()));

/** A1:A3 filled, A4:A6 blank, A7:A8 filled; B1 filled. */
function sheet(): Workbook {
  const model = new Workbook("Plan");
  model.setContents("Plan", 0, 0, [
    ["Band", "FTE"],
    ["5", null],
    ["6", null],
  ]);
  model.setContents("Plan", 6, 0, [["7"], ["8a"]]);
  return model;
}
const limits = { rows: 60, columns: 12 };

describe("Ctrl+arrow, by Excel's rule", () => {
  it("goes to the end of a run of filled cells, then to the next filled cell, then to the edge", () => {
    const model = sheet();
    expect(dataEdge(model, "Plan", { row: 0, column: 0 }, "down", limits)).toEqual({ row: 2, column: 0 }); // end of A1:A3
    expect(dataEdge(model, "Plan", { row: 2, column: 0 }, "down", limits)).toEqual({ row: 6, column: 0 }); // over the gap to A7
    expect(dataEdge(model, "Plan", { row: 7, column: 0 }, "down", limits)).toEqual({ row: 59, column: 0 }); // nothing below: the edge
    expect(dataEdge(model, "Plan", { row: 7, column: 0 }, "up", limits)).toEqual({ row: 6, column: 0 });
    expect(dataEdge(model, "Plan", { row: 0, column: 0 }, "right", limits)).toEqual({ row: 0, column: 1 });
    expect(dataEdge(model, "Plan", { row: 0, column: 0 }, "left", limits)).toEqual({ row: 0, column: 0 }); // already at the edge
  });
});

describe("undo and redo of the planner's edits", () => {
  it("puts a cell back as it was, formula or value, and forward again; a new edit clears what was undone", () => {
    const model = sheet();
    const history = new EditHistory(model);
    history.enter("Plan", 1, 1, "=WFP.FTE(30)");
    expect(model.values("Plan", { top: 1, left: 1, bottom: 1, right: 1 })).toEqual([[0.8]]);
    history.enter("Plan", 0, 0, "Pay band");
    expect(history.undo()).toMatchObject({ row: 0, column: 0 });
    expect(model.values("Plan", { top: 0, left: 0, bottom: 0, right: 0 })).toEqual([["Band"]]);
    history.undo();
    expect(model.values("Plan", { top: 1, left: 1, bottom: 1, right: 1 })).toEqual([[""]]);
    history.redo();
    expect(model.formulas("Plan", { top: 1, left: 1, bottom: 1, right: 1 })).toEqual([["=WFP.FTE(30)"]]);
    history.enter("Plan", 2, 1, "1");
    expect(history.redo()).toBeUndefined();
    expect(history.undo()).toMatchObject({ row: 2, column: 1 });
    expect(history.undo()).toMatchObject({ row: 1, column: 1 });
    expect(history.undo()).toBeUndefined();
  });
});

describe("a range selected with Shift", () => {
  it("moves its other corner a cell, or to the edge of the data with Ctrl, and stays on the grid", async () => {
    const { moveCorner, rangeBetween } = await import("../../workbench/selection.ts");
    const model = sheet();
    expect(moveCorner(model, "Plan", { row: 0, column: 0 }, "down", false, limits)).toEqual({ row: 1, column: 0 });
    expect(moveCorner(model, "Plan", { row: 0, column: 0 }, "up", false, limits)).toEqual({ row: 0, column: 0 });
    expect(moveCorner(model, "Plan", { row: 0, column: 0 }, "down", true, limits)).toEqual({ row: 2, column: 0 });
    // The anchor may be any corner: the range is the rectangle between.
    expect(rangeBetween({ row: 4, column: 3 }, { row: 1, column: 5 })).toEqual({ top: 1, left: 3, bottom: 4, right: 5 });
  });

  it("is summed as Excel's status bar sums it, and cleared as one undo step", async () => {
    const { selectionSummary } = await import("../../workbench/selection.ts");
    const model = sheet();
    model.setContents("Plan", 1, 1, [[0.8], ["=B2*2"]]);
    // A1:B3 holds six cells: two headers (counted, not summed), the bands and the FTE (0.8, and 1.6 by formula).
    const summary = selectionSummary(model, "Plan", { top: 0, left: 0, bottom: 2, right: 1 });
    const numbers = model
      .values("Plan", { top: 0, left: 0, bottom: 2, right: 1 })
      .flat()
      .filter((v): v is number => typeof v === "number");
    expect(summary).toEqual({ count: 6, numbers: numbers.length, sum: numbers.reduce((a, b) => a + b, 0) });
    const history = new EditHistory(model);
    history.clear("Plan", { top: 0, left: 0, bottom: 2, right: 1 });
    expect(model.values("Plan", { top: 0, left: 0, bottom: 2, right: 1 }).flat()).toEqual(["", "", "", "", "", ""]);
    expect(history.undo()).toMatchObject({ row: 0, column: 0 });
    expect(model.formulas("Plan", { top: 2, left: 1, bottom: 2, right: 1 })).toEqual([["=B2*2"]]);
    expect(model.values("Plan", { top: 0, left: 0, bottom: 0, right: 1 })).toEqual([["Band", "FTE"]]);
  });
});

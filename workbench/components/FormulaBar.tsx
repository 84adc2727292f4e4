import { Input } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { columnLetters } from "../../src/addresses.ts";
import type { Workbook } from "../../engine/workbook.ts";
import type { CellPosition } from "./SheetGrid.tsx";

/** The name box and formula bar: shows the selected cell's formula, and enters what is typed on Enter. */
export function FormulaBar({
  model,
  sheet,
  cell,
  version,
  onEdit,
  onGoTo,
}: {
  model: Workbook;
  sheet: string;
  cell: CellPosition;
  version: number;
  onEdit: (cell: CellPosition, input: string) => void;
  /** Goes to what the name box was given: an address ("B7", "'Staff'!A1:D20") or a defined name. */
  onGoTo: (target: string) => string | undefined;
}) {
  const raw = model.formulas(sheet, { top: cell.row, left: cell.column, bottom: cell.row, right: cell.column })[0]![0];
  // Excel's formula bar shows a number to 15 significant digits: 1000.82, not 1000.8199999999999.
  const current = typeof raw === "number" ? String(Number(raw.toPrecision(15))) : String(raw ?? "");
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current, version, cell.row, cell.column, sheet]);
  const address = `${columnLetters(cell.column)}${cell.row + 1}`;
  const [box, setBox] = useState(address);
  const [problem, setProblem] = useState<string>();
  useEffect(() => setBox(address), [address, sheet]);
  return (
    <div className="wb-formula-bar">
      <Input
        className="wb-name-box"
        aria-label="Name box"
        aria-invalid={problem ? true : undefined}
        title={problem ?? "Type a cell, a range or a name, and press Enter to go to it"}
        value={box}
        onChange={(_, data) => {
          setBox(data.value);
          setProblem(undefined);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") setProblem(onGoTo(box.trim()));
          if (event.key === "Escape") setBox(address);
        }}
      />
      <span className="wb-fx" aria-hidden>
        fx
      </span>
      <Input
        className="wb-formula-input"
        aria-label="Formula bar"
        value={text}
        onChange={(_, data) => setText(data.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onEdit(cell, text);
          if (event.key === "Escape") setText(current);
        }}
      />
    </div>
  );
}

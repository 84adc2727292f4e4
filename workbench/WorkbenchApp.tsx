import { Button, FluentProvider, MessageBar, MessageBarBody, Text, Toolbar, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { parseRangeAddress, splitSheet, type CellRange } from "../src/addresses.ts";
import type { Workbook } from "../engine/workbook.ts";
import { writeXlsx } from "../engine/xlsx.ts";
import { buildWorkbook } from "../engine/xlsxBuild.ts";
import { parseInWorker } from "./openFile.ts";
import { App as TaskPane } from "../taskpane/App.tsx";
import { detectHost } from "../taskpane/adapter/workbook.ts";
import { readCsv } from "../engine/csv.ts";
import { PrintPreview } from "./components/PrintPreview.tsx";
import { EditHistory } from "./editHistory.ts";
import { selectionSummary } from "./selection.ts";
import { ChartView } from "./components/ChartView.tsx";
import { FormulaBar } from "./components/FormulaBar.tsx";
import { NamesPanel } from "./components/NamesPanel.tsx";
import { OpeningBar, OpeningProgress } from "./components/OpeningBar.tsx";
import { SheetGrid, type CellPosition } from "./components/SheetGrid.tsx";
import { SheetTabs } from "./components/SheetTabs.tsx";
import { useWorkbookVersion } from "./useWorkbook.ts";

interface Props {
  initial: Workbook;
  fileName: string;
  /** Makes a newly opened workbook the one the task pane's Excel API talks to. */
  adopt: (model: Workbook) => void;
}

/** The workbench: a workbook on the left on HyperFormula, the real task pane on the right. */
const keys = new WeakMap<Workbook, number>();
let workbooksSeen = 0;
/** A key that is new for each workbook object, for remounting the pane. */
function workbookKey(model: Workbook): number {
  let key = keys.get(model);
  if (key === undefined) keys.set(model, (key = ++workbooksSeen));
  return key;
}

const SEPARATORS = { ",": "comma", ";": "semicolon", "\t": "tab" } as const;

/** Why a file would not open, in a planner's words rather than a library's (a zip reader's message and its URL). */
function openProblem(name: string, error: Error): string {
  const message = error.message;
  if (/central directory|zip|end of data|signature|corrupted|is this a zip/i.test(message))
    return `Could not open ${name}: it is not an Excel workbook (.xlsx), or it is damaged. Open it in Excel and save it as an Excel Workbook (.xlsx), or save a sheet as CSV and open that.`;
  if (/too many to open here/.test(message)) return `Could not open ${name}: ${message}`;
  return `Could not open ${name}: ${message.replace(/\s*https?:\/\/\S+/g, "").slice(0, 300)}`;
}

export function WorkbenchApp({ initial, fileName: initialName, adopt }: Props) {
  const [model, setModel] = useState(initial);
  const [fileName, setFileName] = useState(initialName);
  const [message, setMessage] = useState<{ intent: "success" | "warning" | "error" | "info"; text: string }>();
  // A file being opened: its bar, told how far the open has got.
  const [opening, setOpening] = useState<OpeningProgress>();
  const version = useWorkbookVersion(model);
  // The change count when the workbook was opened or last saved: anything since is unsaved work.
  const [savedAt, setSavedAt] = useState(initial.changeCount);
  const sheet = model.activeSheet;
  const [cell, setCell] = useState<CellPosition>({ row: 0, column: 0 });
  const [preview, setPreview] = useState(false);
  const closePreview = useCallback(() => setPreview(false), []);
  const hostInfo = useMemo(() => detectHost(), []);
  const picker = useRef<HTMLInputElement>(null);

  // Closing or reloading the tab with unsaved work asks first, as Excel does.
  const unsaved = model.changeCount !== savedAt;
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [unsaved, version]);

  const select = useCallback(
    (position: CellPosition) => {
      setCell(position);
      setRange(undefined);
      model.selection = {
        sheet: model.activeSheet,
        range: { top: position.row, left: position.column, bottom: position.row, right: position.column },
      };
    },
    [model],
  );
  // A range selected with Shift: what the pane's getSelectedRange gives, and what the status bar sums.
  const [range, setRange] = useState<CellRange>();
  const selectRange = useCallback(
    (selected: CellRange) => {
      setRange(selected);
      model.selection = { sheet: model.activeSheet, range: selected };
    },
    [model],
  );
  // The name box: an address on this sheet or another, or a defined name of a range; what cannot be gone to is said.
  const goTo = useCallback(
    (target: string): string | undefined => {
      let sheetName = model.activeSheet;
      let address = target;
      const named = model.names.find((n) => n.name.toLowerCase() === target.toLowerCase());
      if (named) address = named.formula.replace(/^=/, "");
      const split = splitSheet(address);
      if (split.sheet !== undefined) sheetName = split.sheet;
      let range: CellRange;
      try {
        range = parseRangeAddress(split.address.replace(/\$/g, ""));
      } catch {
        return `"${target}" is not a cell, a range or a name of this workbook`;
      }
      const found = model.findSheet(sheetName);
      if (!found) return `There is no sheet "${sheetName}"`;
      if (found.visibility !== "Visible") return `The sheet "${found.name}" is hidden`;
      if (found.name !== model.activeSheet) model.activate(found.name);
      model.selection = { sheet: found.name, range };
      setCell({ row: range.top, column: range.left });
      return undefined;
    },
    [model],
  );

  // Ctrl+Z and Ctrl+Y over the planner's own edits; a new workbook starts a new history.
  const history = useMemo(() => new EditHistory(model), [model]);
  const undoRedo = (which: "undo" | "redo") => () => {
    const edit = history[which]();
    if (!edit) return undefined;
    if (edit.sheet !== model.activeSheet) model.activate(edit.sheet);
    return { row: edit.row, column: edit.column };
  };

  const clear = useCallback(
    (cleared: CellRange) => {
      try {
        history.clear(model.activeSheet, cleared);
        setMessage(undefined);
      } catch (error) {
        setMessage({ intent: "error", text: `Could not clear those cells of ${model.activeSheet}: ${(error as Error).message}` });
      }
    },
    [model, history],
  );

  const edit = useCallback(
    (position: CellPosition, input: string) => {
      try {
        history.enter(model.activeSheet, position.row, position.column, input);
        setMessage(undefined);
      } catch (error) {
        setMessage({ intent: "error", text: `Could not enter that in ${model.activeSheet}: ${(error as Error).message}` });
      }
    },
    [model, history],
  );

  const open = async (file: File) => {
    if (
      model.changeCount !== savedAt &&
      !window.confirm(`Open ${file.name}? The changes to ${fileName} since it was opened or saved will be lost.`)
    )
      return;
    try {
      // Said, and painted, before the file is read: a big workbook takes seconds.
      const size = file.size >= 1e6 ? `${(file.size / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(file.size / 1e3))} KB`;
      setMessage({ intent: "info", text: `Opening ${file.name} (${size})…` });
      const progress = new OpeningProgress(`Reading ${file.name}`);
      setOpening(progress);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const bytes = new Uint8Array(await file.arrayBuffer());
      const csv = /\.(csv|txt)$/i.test(file.name) ? readCsv(bytes, file.name) : undefined;
      // An .xlsx is read in a worker, off the page's thread, then built a few thousand rows at a time, the bar showing how far.
      const opened =
        csv?.model ??
        (await buildWorkbook(await parseInWorker(bytes), bytes, {
          onProgress: (done, total) => progress.report({ label: "Building the workbook", done, total }),
        }));
      adopt(opened);
      setModel(opened);
      setSavedAt(opened.changeCount);
      // A CSV is saved as a workbook: Excel would save it as CSV and lose all but the values.
      setFileName(csv ? file.name.replace(/\.[^.]+$/, ".xlsx") : file.name);
      setCell({ row: 0, column: 0 });
      setMessage({
        intent: "success",
        text: csv
          ? `Opened ${file.name}: ${csv.rows.toLocaleString("en-GB")} rows, ${SEPARATORS[csv.delimiter]} separated, ${csv.encoding}. Save keeps it as a workbook (.xlsx).`
          : opened.notKept.length
            ? `Opened ${file.name}. The workbench cannot keep ${opened.notKept.join("; ")}: saving here would leave ${opened.notKept.length > 1 ? "them" : "it"} out, so keep your original.`
            : `Opened ${file.name}.`,
        ...(opened.notKept.length && !csv ? { intent: "warning" as const } : {}),
      });
    } catch (error) {
      setMessage({ intent: "error", text: openProblem(file.name, error as Error) });
    } finally {
      setOpening(undefined);
    }
  };
  const save = async () => {
    const { bytes, notSaved } = await writeXlsx(model);
    setSavedAt(model.changeCount);
    const url = URL.createObjectURL(
      new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    );
    const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage(
      notSaved.length
        ? { intent: "warning", text: `Saved ${fileName}, without ${notSaved.join("; ")}.` }
        : { intent: "success", text: `Saved ${fileName}.` },
    );
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) void open(file);
  };

  const charts = model.charts.filter((c) => c.sheet === sheet);
  // Excel gives each workbook its own pane: a new one for each workbook opened, so all it shows comes from that workbook.
  // The same element otherwise, so an edit in the grid or a step of an open does not re-render the pane (as in Excel, it reads the workbook itself).
  const pane = useMemo(() => <TaskPane key={workbookKey(model)} hostInfo={hostInfo} />, [model, hostInfo]);
  return (
    <FluentProvider theme={webLightTheme} className="wb-page" onDragOver={(e) => e.preventDefault()} onDrop={drop}>
      <section className="wb-workbook" aria-label="Workbook">
        <Toolbar className="wb-toolbar" aria-label="Workbook">
          <Text weight="semibold">{fileName}</Text>
          <Button appearance="subtle" onClick={() => picker.current?.click()}>
            Open .xlsx or .csv…
          </Button>
          <input
            ref={picker}
            type="file"
            accept=".xlsx,.csv,.txt"
            hidden
            aria-label="Open workbook"
            onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])}
          />
          <Button appearance="subtle" onClick={() => void save()}>
            Save .xlsx
          </Button>
          <Button appearance="subtle" onClick={() => setPreview(true)}>
            Print preview
          </Button>
          <Text size={200} className="wb-hint">
            or drop an .xlsx or .csv here
          </Text>
        </Toolbar>
        {opening && <OpeningBar progress={opening} />}
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        <FormulaBar model={model} sheet={sheet} cell={cell} version={version} onEdit={edit} onGoTo={goTo} />
        <div className="wb-grid-area">
          <SheetGrid
            key={`${sheet}|${fileName}`}
            model={model}
            sheet={sheet}
            version={version}
            onSelect={select}
            onSelectRange={selectRange}
            onEdit={edit}
            onClear={clear}
            onUndo={undoRedo("undo")}
            onRedo={undoRedo("redo")}
            selected={model.selection?.sheet === sheet ? { row: model.selection.range.top, column: model.selection.range.left } : undefined}
          />
        </div>
        <StatusBar model={model} sheet={sheet} range={range} version={version} />
        {charts.length > 0 && (
          <div className="wb-charts">
            {charts.map((chart) => (
              <ChartView key={chart.id} model={model} chart={chart} version={version} />
            ))}
          </div>
        )}
        <SheetTabs model={model} active={sheet} onActivate={(name) => model.activate(name)} />
        {preview && <PrintPreview model={model} sheet={sheet} version={version} onClose={closePreview} />}
        <NamesPanel model={model} />
      </section>
      {/* Not a landmark: the pane's own <main> is the page's main content, as it is in Excel's pane. */}
      <div className="wb-taskpane">{pane}</div>
    </FluentProvider>
  );
}

/** Excel's status bar for a selection of more than one cell: the average and sum of its numbers, and how many cells hold something. */
function StatusBar({ model, sheet, range }: { model: Workbook; sheet: string; range?: CellRange; version: number }) {
  if (!range || (range.top === range.bottom && range.left === range.right)) return <div className="wb-status" />;
  const { count, numbers, sum } = selectionSummary(model, sheet, range);
  const figure = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 10 });
  return (
    <div className="wb-status" role="status" aria-label="Selection">
      {numbers > 0 && <span>Average: {figure(sum / numbers)}</span>}
      {count > 0 && <span>Count: {count}</span>}
      {numbers > 0 && <span>Sum: {figure(sum)}</span>}
    </div>
  );
}

import { createRoot } from "react-dom/client";
import type { FunctionMetadata } from "../engine/functionMetadata.ts";
import { registerWfpFunctions } from "../engine/hyperformula.ts";
import type { Workbook } from "../engine/workbook.ts";
import { readXlsx } from "../engine/xlsx.ts";
import { installExcelGlobals, network } from "../excelHost/index.ts";
import { WorkbenchApp } from "./WorkbenchApp.tsx";
import "./workbench.css";

const SAMPLE = "examples/northfield-trust-plan.xlsx";

/** Loads the WFP functions from the build's functions.json and the sample workbook, then shows both. */
async function start() {
  const base = import.meta.env.BASE_URL;
  const metadata = (await (await fetch(`${base}functions.json`)).json()) as { functions: FunctionMetadata[] };
  registerWfpFunctions(metadata.functions);
  const model = await readXlsx(await (await fetch(`${base}${SAMPLE}`)).arrayBuffer());
  adopt(model);
  createRoot(document.getElementById("root")!).render(<WorkbenchApp initial={model} fileName="northfield-trust-plan.xlsx" adopt={adopt} />);
}

/**
 * Makes `model` the workbook the task pane's Excel API talks to, and exposes it
 * with its sync counter as window.wfplanWorkbench, for tests and benchmarks
 * that watch the pane's round trips.
 */
function adopt(model: Workbook): void {
  const excel = installExcelGlobals(model);
  const latency = Number(new URLSearchParams(location.search).get("latency"));
  if (latency > 0) network.latencyMs = latency;
  Object.assign(window, { wfplanWorkbench: { stats: excel.stats, model: () => model, network } });
}

start().catch((error: Error) => {
  document.getElementById("root")!.textContent = `The workbench could not start: ${error.message}`;
});

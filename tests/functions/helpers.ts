import type { RawCellContent } from "hyperformula";
import { createNodeEngine } from "../../engine/metadata.ts";

/**
 * Evaluates a formula in a HyperFormula workbook whose sheet "Data" holds
 * `data` from A1, with the formula in a far-away cell so spills have room.
 */
export async function evaluate(formula: string, data: RawCellContent[][] = []): Promise<unknown> {
  const hf = await createNodeEngine({ Data: data, Calc: [[formula]] });
  const calc = hf.getSheetId("Calc")!;
  const size = hf.getSheetDimensions(calc);
  const values = hf.getSheetValues(calc);
  hf.destroy();
  return size.width === 1 && size.height === 1 ? values[0]![0] : values;
}

/** The error code and message of an error cell. */
export function errorOf(value: unknown): { code: string; message: string } {
  const error = value as { value?: string; message?: string };
  if (!error || typeof error.value !== "string" || !error.value.startsWith("#")) throw new Error(`not an error: ${JSON.stringify(value)}`);
  return { code: error.value, message: error.message ?? "" };
}

/** Runs `wfplan` in this process, collecting what it prints and its exit code. */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import("../../cli/main.ts");
  let stdout = "";
  let stderr = "";
  const code = await main(args, { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { code, stdout, stderr };
}

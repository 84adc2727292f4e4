/*
 * Formulas as a file holds them and as a workbook shows them: an add-in's
 * custom functions under Excel's _xldudf_ names, and the _xlfn. prefixes of
 * newer functions. Text in double quotes and sheet names in single quotes are
 * left alone.
 */

/** Applies `change` to the parts of a formula outside its quoted text ("…") and quoted sheet names ('…'). */
export function outsideQuotes(formula: string, change: (code: string) => string): string {
  return formula.replace(/("(?:[^"]|"")*"|'(?:[^']|'')*')|([^"']+)/g, (whole, quoted: string | undefined, code: string | undefined) =>
    quoted !== undefined || code === undefined ? whole : change(code),
  );
}

/**
 * A formula as Excel writes it in a file: an Office add-in's custom function
 * is stored as `_xldudf_` and its namespace and name joined by "_"
 * (`WFP.COST(` is `_xldudf_WFP_COST(`), which Excel maps back to the add-in's
 * function when it registers; a bare `WFP.COST(` would be a name Excel does not know.
 */
export function formulaForFile(formula: string): string {
  return outsideQuotes(formula, (code) =>
    code.replace(/(?<![A-Za-z0-9_.])WFP\.([A-Z][A-Z0-9_]*)\s*\(/gi, (_, name: string) => `_xldudf_WFP_${name.toUpperCase()}(`),
  );
}

/**
 * A formula read from a file, as the workbench writes it: `_xldudf_WFP_COST(`
 * (Excel's form) back to `WFP.COST(`, and Excel's `_xlfn.` and `_xlws.`
 * prefixes on functions newer than the file format dropped (`_xlfn.STDEV.S(` is `STDEV.S(`).
 */
export function formulaFromFile(formula: string): string {
  if (!formula.includes("_xl")) return formula;
  return outsideQuotes(formula, (code) =>
    code
      .replace(/(?<![A-Za-z0-9_.])_xldudf_WFP_([A-Za-z][A-Za-z0-9_]*)\s*\(/g, (_, name: string) => `WFP.${name.toUpperCase()}(`)
      .replace(/(?<![A-Za-z0-9_.])_xlfn\.(?:_xlws\.)?(?=[A-Za-z][A-Za-z0-9_.]*\s*\()/g, ""),
  );
}

/*
 * Excel formula text that HyperFormula's parser reads differently: the
 * literals TRUE and FALSE (HyperFormula knows only the functions TRUE() and
 * FALSE()) and numbers with a capital exponent (1E+308). Text in double quotes
 * and sheet names in single quotes are left alone.
 */

const LITERALS = [
  // A number with a capital E exponent, not the end of a cell reference such as A1E5.
  { pattern: /(?<![A-Za-z_$\d.])(\d+(?:\.\d*)?|\.\d+)E([+-]?\d+)/g, replace: "$1e$2" },
  // TRUE or FALSE standing alone: not a function call, a sheet name (TRUE!A1) or part of a name.
  { pattern: /(?<![A-Za-z0-9_.$])(TRUE|FALSE)(?![A-Za-z0-9_.!(]|\s*\()/gi, replace: (word: string) => `${word.toUpperCase()}()` },
] as const;

export function translateExcelLiterals(formula: string): string {
  return outsideQuotes(formula, (code) => {
    let out = code;
    for (const { pattern, replace } of LITERALS) out = out.replace(pattern, replace as never);
    return out;
  });
}

/** Applies `change` to the parts of a formula outside its quoted text ("…") and quoted sheet names ('…'). */
function outsideQuotes(formula: string, change: (code: string) => string): string {
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

import { outsideQuotes } from "../xlsx/fileFormulas.ts";

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

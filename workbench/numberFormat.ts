/*
 * Shows a cell value as Excel would for the number formats planners use:
 * General, 0, 0.00, #,##0, #,##0.00, £#,##0(.00), 0%, 0.0%. Other formats fall
 * back to General.
 */

function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  // Excel's General shows up to 11 characters: round to 10 significant digits.
  return String(Number(value.toPrecision(10)));
}

export function formatValue(value: unknown, format = "General"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  const pattern = format.split(";")[0]!.trim();
  if (pattern === "" || pattern.toLowerCase() === "general" || pattern === "@") return general(value);
  const percent = pattern.endsWith("%");
  const currency = /^[£$€]/.exec(pattern)?.[0] ?? "";
  const decimals = /\.(0+)/.exec(pattern)?.[1]?.length ?? 0;
  const grouping = pattern.includes(",");
  if (!/^[£$€]?[#0,]*(\.0+)?%?$/.test(pattern)) return general(value);
  const shown = percent ? value * 100 : value;
  const text = Math.abs(shown).toLocaleString("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  });
  return `${shown < 0 && Number(text.replace(/,/g, "")) !== 0 ? "-" : ""}${currency}${text}${percent ? "%" : ""}`;
}

import { attributeOf, xmlText } from "./package.ts";

/*
 * What a cell's style index (`<c s="3">`) means for the workbench: its number
 * format, bold, italic, font colour and fill colour, read from xl/styles.xml.
 * Only the cell formats (`cellXfs`) are read, not the named styles they
 * derive from, as Excel records the resolved ids on each cell format.
 */

export interface CellLook {
  format: string;
  /** Whether the format shows a date or a time (a serial number of days). */
  date?: boolean;
  bold?: boolean;
  italic?: boolean;
  /** #RRGGBB, where the font has an RGB colour (a theme colour is not kept). */
  color?: string;
  /** #RRGGBB, where the fill is a pattern with an RGB foreground. */
  fill?: string;
}

/**
 * The number formats every file may use by id without defining them
 * (ECMA-376 Part 1, 18.8.30 numFmt). 14 is the computer's short date, which
 * the workbench shows as an English computer does (engine/numberFormat.ts).
 */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The elements named `name` (with any namespace prefix) inside `xml`, each as its whole text. */
const elements = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${name}>)`, "g"))].map((m) => m[0]);
/** The part of `xml` inside the first element named `name`, or "" when there is none. */
const inside = (xml: string, name: string): string =>
  new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(xml)?.[1] ?? "";
/** An on/off flag such as `<b/>` or `<b val="0"/>`. */
const flag = (xml: string, name: string): boolean => {
  const tag = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`).exec(xml)?.[0];
  if (!tag) return false;
  const value = attributeOf(tag, "val");
  return value === undefined || value === "1" || value === "true";
};
const rgb = (argb: string | undefined) => (argb && /^[0-9A-Fa-f]{6,8}$/.test(argb) ? `#${argb.slice(-6).toUpperCase()}` : undefined);

/** Whether a number format shows a date or a time: a day, month, year, hour, second or era code outside quotes, brackets and escapes. */
export function isDateFormat(format: string): boolean {
  if (/^general$/i.test(format)) return false;
  const codes = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .replace(/_.|\*./g, "");
  return /[ymdhsb]/i.test(codes.replace(/E[+-]/gi, ""));
}

/** Each cell format's look, by its index (the `s` of a cell); index 0 when the file has no styles part. */
export function cellLooks(stylesXml: string | undefined): CellLook[] {
  if (!stylesXml) return [{ format: "General" }];
  const formats = new Map<number, string>();
  for (const tag of elements(inside(stylesXml, "numFmts"), "numFmt")) {
    const id = Number(attributeOf(tag, "numFmtId"));
    const code = attributeOf(tag, "formatCode");
    if (code !== undefined) formats.set(id, xmlText(code));
  }
  const fonts = elements(inside(stylesXml, "fonts"), "font").map((font) => ({
    bold: flag(font, "b"),
    italic: flag(font, "i"),
    color: rgb(attributeOf(/<(?:\w+:)?color\b[^>]*>/.exec(font)?.[0] ?? "", "rgb")),
  }));
  const fills = elements(inside(stylesXml, "fills"), "fill").map((fill) => {
    const pattern = /<(?:\w+:)?patternFill\b[\s\S]*?(?:\/>|<\/(?:\w+:)?patternFill>)/.exec(fill)?.[0];
    return pattern ? rgb(attributeOf(/<(?:\w+:)?fgColor\b[^>]*>/.exec(pattern)?.[0] ?? "", "rgb")) : undefined;
  });
  return elements(inside(stylesXml, "cellXfs"), "xf").map((xf) => {
    const open = /^<[^>]*>/.exec(xf)![0];
    const numFmtId = Number(attributeOf(open, "numFmtId") ?? 0);
    const font = fonts[Number(attributeOf(open, "fontId") ?? 0)];
    const look: CellLook = { format: formats.get(numFmtId) ?? BUILT_IN_FORMATS[numFmtId] ?? "General" };
    if (isDateFormat(look.format)) look.date = true;
    if (font?.bold) look.bold = true;
    if (font?.italic) look.italic = true;
    if (font?.color) look.color = font.color;
    const fill = fills[Number(attributeOf(open, "fillId") ?? 0)];
    if (fill) look.fill = fill;
    return look;
  });
}

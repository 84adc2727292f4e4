/** The example sheet the pane can insert: each WFP function with a label, so users see them work in their own workbook. */
export const EXAMPLE_ROWS: readonly (readonly (string | number)[])[] = [
  ["What", "Formula", "Result"],
  ["FTE of 30 hours a week", "=WFP.FTE(30)", "=WFP.FTE(30)"],
  ["Band 5 top of scale, 2025/26", '=WFP.PAY("Band 5", "top", "2025/26")', '=WFP.PAY("Band 5", "top", "2025/26")'],
  ["Inner London HCAS on £37,796 (newest year held)", '=WFP.HCAS(37796, "inner")', '=WFP.HCAS(37796, "inner")'],
  ["Employer on-costs on £37,796", "=WFP.ONCOSTS(37796)", "=WFP.ONCOSTS(37796)"],
  ["Fully loaded cost of 1 WTE band 5", "=WFP.COST(5, 1)", "=WFP.COST(5, 1)"],
  ["Resident doctor, ST4 (nodal point 4)", '=WFP.PAY("ST4")', '=WFP.PAY("ST4")'],
  ["Consultant after 8 years, fully loaded", '=WFP.COST("Consultant", 1, "8 years")', '=WFP.COST("Consultant", 1, "8 years")'],
  ["Headroom from 15% + 4% + 3% leave", "=WFP.UPLIFT({0.15,0.04,0.03})", "=WFP.UPLIFT({0.15,0.04,0.03})"],
  ["Nurses for 8 CHPPD, 28 beds, 92%", "=WFP.NURSING_FTE(8, 28, 0.92, 0.22)", "=WFP.NURSING_FTE(8, 28, 0.92, 0.22)"],
  ["Supply over 3 years", "=WFP.SUPPLY(100, 0.1, 8, 3)", "=WFP.SUPPLY(100, 0.1, 8, 3)"],
].map((row) => row.map((cell, column) => (column === 1 && typeof cell === "string" ? `'${cell}` : cell)));

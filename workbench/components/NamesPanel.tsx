import { Caption1, Text } from "@fluentui/react-components";
import { rangeAddress } from "../../src/addresses.ts";
import type { Workbook } from "../../engine/workbook.ts";

/** The workbook's tables and named items, as Excel's Name Manager lists them. */
export function NamesPanel({ model }: { model: Workbook }) {
  if (model.tables.length === 0 && model.names.length === 0) return null;
  return (
    <details className="wb-names">
      <summary>
        <Text size={200} weight="semibold">
          Tables and names ({model.tables.length + model.names.length})
        </Text>
      </summary>
      <ul aria-label="Tables and names">
        {model.tables.map((t) => (
          <li key={`t-${t.name}`}>
            <Caption1>
              {t.name} — table on {t.sheet}!{rangeAddress(t.range)} ({t.columns.length} columns, {t.range.bottom - t.range.top} rows)
            </Caption1>
          </li>
        ))}
        {model.names.map((n) => (
          <li key={`n-${n.name}`}>
            <Caption1>
              {n.name} — {n.formula}
            </Caption1>
          </li>
        ))}
      </ul>
    </details>
  );
}

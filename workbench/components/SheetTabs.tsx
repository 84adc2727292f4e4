import { Tab, TabList } from "@fluentui/react-components";
import type { Workbook } from "../../engine/workbook.ts";

/** Tabs of the visible sheets; hidden and very hidden sheets are listed, as Excel's Unhide dialog would. */
export function SheetTabs({ model, active, onActivate }: { model: Workbook; active: string; onActivate: (sheet: string) => void }) {
  const visible = model.sheets.filter((s) => s.visibility === "Visible");
  const hidden = model.sheets.filter((s) => s.visibility !== "Visible");
  return (
    <div className="wb-tabs">
      <TabList size="small" selectedValue={active} onTabSelect={(_, data) => onActivate(String(data.value))} aria-label="Sheets">
        {visible.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      {hidden.length > 0 && (
        <span className="wb-hidden-sheets" title="Sheets the workbook keeps hidden">
          Hidden: {hidden.map((s) => `${s.name}${s.visibility === "VeryHidden" ? " (very hidden)" : ""}`).join(", ")}
        </span>
      )}
    </div>
  );
}

import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import type { EditedSheet } from "./useScenarioRun.ts";

/** Asks what to do when a scenario's own sheet was changed since wfplan wrote it: keep the planner's copy, replace it, or stop. */
export function EditedSheetDialog({ edited }: { edited?: EditedSheet }) {
  return (
    <Dialog open={edited !== undefined} onOpenChange={(_, data) => !data.open && edited?.answer("cancel")}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>The sheet "{edited?.sheet}" was changed since wfplan wrote it</DialogTitle>
          <DialogContent>
            Keep your copy (renamed "{edited?.sheet} (edited)") and write the new results on a fresh "{edited?.sheet}", or replace it,
            losing the changes on it.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => edited?.answer("keep")}>
              Keep my copy
            </Button>
            <Button onClick={() => edited?.answer("replace")}>Replace it</Button>
            <Button appearance="subtle" onClick={() => edited?.answer("cancel")}>
              Cancel the run
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

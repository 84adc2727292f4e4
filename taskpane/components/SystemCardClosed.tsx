import { Button, Card, CardHeader, Text } from "@fluentui/react-components";

/*
 * The ICS system view before a planner opens it: its header and one button.
 * Most planners plan one trust and never add up others; the view, and what it
 * needs, load when asked for, so the pane loads less as it opens (the
 * bundle target in npm run bench).
 */
export function SystemCardClosed({ onOpen }: { onOpen: () => void }) {
  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">ICS system view</Text>}
        description="Other trusts' saved workbooks, added up: read here, never sent anywhere"
      />
      <Button appearance="secondary" onClick={onOpen}>
        Add up trusts' workbooks…
      </Button>
    </Card>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";

/*
 * A card that fails while it draws shows what happened and what is safe,
 * instead of a blank pane: nothing in the workbook is changed by drawing, and
 * what a run already wrote stays where its message said.
 */

interface State {
  error?: Error;
}

export class CardBoundary extends Component<{ name: string; children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Something went wrong in {this.props.name}</MessageBarTitle>
          {error.message}. Your workbook is as it was: the pane changes nothing while it draws, and sheets a run wrote are kept. Try again,
          or close and reopen the pane.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: undefined })}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

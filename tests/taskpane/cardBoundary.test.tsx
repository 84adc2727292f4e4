import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CardBoundary } from "../../taskpane/components/CardBoundary.tsx";

/*
 * A card that fails while drawing says so, with what is safe, instead of
 * leaving the pane blank. Rendered as React would after the error: the
 * boundary's state from getDerivedStateFromError, then its render.
 */
describe("a card that fails while drawing", () => {
  it("says what went wrong, in which card, and that the workbook is as it was", () => {
    const boundary = new CardBoundary({ name: "Scenario", children: null });
    boundary.state = CardBoundary.getDerivedStateFromError(new Error("Cannot read properties of undefined (reading 'totalCost')"));
    const html = renderToStaticMarkup(boundary.render() as React.ReactElement);
    expect(html).toContain("Something went wrong in Scenario");
    expect(html).toContain("Cannot read properties of undefined (reading &#x27;totalCost&#x27;). Your workbook is as it was");
    expect(html).toContain("Try again");
  });

  it("draws its card when nothing has gone wrong", () => {
    const boundary = new CardBoundary({ name: "Scenario", children: "the card" });
    expect(boundary.render()).toBe("the card");
  });
});

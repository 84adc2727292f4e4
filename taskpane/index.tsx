import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { detectHost } from "./adapter/workbook.ts";

const container = document.getElementById("root")!;
// Render at once; the host status fills in when Office.onReady answers.
createRoot(container).render(<App hostInfo={detectHost()} />);

import { Chart, registerables, type ChartConfiguration } from "chart.js";
import { useEffect, useRef } from "react";
import type { ChartInfo, Workbook } from "../../engine/workbook.ts";

Chart.register(...registerables);

const TYPES: Record<ChartInfo["type"], { type: "bar" | "line" | "pie"; horizontal?: boolean; stacked?: boolean; fill?: boolean }> = {
  ColumnClustered: { type: "bar" },
  ColumnStacked: { type: "bar", stacked: true },
  BarClustered: { type: "bar", horizontal: true },
  Line: { type: "line" },
  Area: { type: "line", fill: true },
  Pie: { type: "pie" },
};
const COLOURS = ["#005EB8", "#009639", "#ED8B00", "#7C2855", "#00A9CE", "#768692"];

/** Series from the chart's source range: the first row or column holds names, the first cell of each series its label. */
export function chartData(model: Workbook, chart: ChartInfo) {
  const values = model.values(chart.sheet, chart.source);
  const byColumns = chart.seriesBy === "Columns";
  const lines = byColumns ? values[0]!.map((_, c) => values.map((row) => row[c])) : values;
  const [categoriesLine, ...seriesLines] = lines.length > 1 && typeof lines[0]![1] !== "number" ? lines : [undefined, ...lines];
  const labels = (categoriesLine ?? lines[0]!.map((_, i) => i + 1)).slice(1).map(String);
  const datasets = seriesLines.map((line, i) => ({
    label: String(line![0] ?? `Series ${i + 1}`),
    data: line!.slice(1).map((v) => (typeof v === "number" ? v : null)),
    backgroundColor: COLOURS[i % COLOURS.length],
    borderColor: COLOURS[i % COLOURS.length],
  }));
  return { labels, datasets };
}

export function ChartView({ model, chart, version }: { model: Workbook; chart: ChartInfo; version: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const kind = TYPES[chart.type];
    const config: ChartConfiguration = {
      type: kind.type,
      data: chartData(model, chart) as ChartConfiguration["data"],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: kind.horizontal ? "y" : "x",
        plugins: { title: { display: Boolean(chart.title), text: chart.title } },
        scales: kind.type === "pie" ? {} : { x: { stacked: kind.stacked }, y: { stacked: kind.stacked } },
      },
    };
    if (kind.fill) for (const d of config.data.datasets) (d as { fill?: boolean }).fill = true;
    const instance = new Chart(canvas.current!, config);
    return () => instance.destroy();
  }, [model, chart, chart.type, chart.title, version]);
  return (
    <figure className="wb-chart" aria-label={chart.name}>
      <canvas ref={canvas} />
    </figure>
  );
}

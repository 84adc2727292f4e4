import { Chart, registerables, type ChartConfiguration } from "chart.js";
import { useEffect, useRef } from "react";
import { chartSeries } from "../../engine/chartSeries.ts";
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

/** The chart's categories and series, as chart.js takes them. */
export function chartData(model: Workbook, chart: ChartInfo) {
  const { categories, series } = chartSeries(model, chart);
  return {
    labels: categories,
    datasets: series.map((s, i) => {
      // A fill the pane set: "none" draws nothing (a waterfall's base), a colour replaces the palette's.
      const set = chart.seriesFills?.[i];
      const colour = set === "none" ? "transparent" : (set ?? COLOURS[i % COLOURS.length]);
      // A series drawn as a line over the columns (a combo chart) is a stack of its own, not a layer of theirs.
      const line = chart.seriesTypes?.[i] === "Line" ? { type: "line" as const, stack: `line ${i}`, order: -1 } : {};
      return { label: s.name, data: s.values, backgroundColor: colour, borderColor: colour, ...line };
    }),
  };
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

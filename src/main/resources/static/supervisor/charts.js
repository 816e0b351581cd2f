// Siaga 110 supervisor board: the two charts (uPlot from WebJars), redrawn in place when the figures change.
import { t } from '/js/i18n.js';

const uPlot = window.uPlot;
const AXIS = { stroke: '#b3c0cc', grid: { stroke: '#33475b', width: 1 }, ticks: { stroke: '#33475b' } };

function bars(color) {
  return { stroke: color, fill: color + 'cc', width: 1, paths: uPlot.paths.bars({ size: [0.7, 60] }), points: { show: false } };
}

function sized(element) {
  return { width: Math.max(280, element.clientWidth), height: 220 };
}

/** Keeps a chart as wide as its panel when the window (a wall screen, a laptop) changes size. */
function follows(element, plot) {
  window.addEventListener('resize', () => plot.setSize(sized(element)));
  return plot;
}

/** Answer-time distribution: one bar per bucket (0-5 s, 5-10 s, …, 60 s+). Returns update(figures). */
export function answerChart(element) {
  let plot = null;
  let labels = [];
  return (answers) => {
    labels = answers.distribution.map((b) => (b.toSeconds == null ? `${b.fromSeconds}+` : `${b.fromSeconds}–${b.toSeconds}`));
    const data = [answers.distribution.map((_, i) => i), answers.distribution.map((b) => b.count)];
    if (!plot) {
      plot = follows(element, new uPlot({
        ...sized(element), legend: { show: false }, cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(4, max + 1)] } },
        axes: [{ ...AXIS, label: 's', values: (u, ticks) => ticks.map((v) => labels[v] ?? ''), splits: () => labels.map((_, i) => i) },
               { ...AXIS, label: t('sv.answers') }],
        series: [{}, { label: t('sv.answers'), ...bars('#4db2ff') }],
      }, data, element));
    } else {
      plot.setData(data);
    }
  };
}

/** Escalations and abandoned calls per local hour (0..23), side by side. Returns update(board). */
export function hourChart(element) {
  let plot = null;
  return (board) => {
    const hours = [...Array(24).keys()];
    const data = [hours, board.escalations.byHour, board.abandonedByHour];
    if (!plot) {
      plot = follows(element, new uPlot({
        ...sized(element), cursor: { show: false }, legend: { live: false },
        scales: { x: { time: false, range: [-0.5, 23.5] }, y: { range: (u, min, max) => [0, Math.max(4, max + 1)] } },
        axes: [{ ...AXIS, label: t('sv.hour'), splits: () => hours.filter((h) => h % 2 === 0) }, { ...AXIS }],
        series: [{}, { label: t('sv.escalated'), ...bars('#ffc94d'), paths: uPlot.paths.bars({ size: [0.4, 30], align: -1 }) },
                 { label: t('sv.abandonedSeries'), ...bars('#ff6b6b'), paths: uPlot.paths.bars({ size: [0.4, 30], align: 1 }) }],
      }, data, element));
    } else {
      plot.setData(data);
    }
  };
}

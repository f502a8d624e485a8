// A metric's trend: uPlot draws the value per step with its 95 % interval as a band; steps with
// too few answers are shaded grey and get no point (a point on n = 3 reads as change where there
// is only noise). Every chart has a data table behind it and an accessible name.
import uPlot from './vendor/uplot.js'
import { h, table, uid } from './dom.js'
import * as f from './format.js'

const LINE = '#0b5cad'
const BAND = 'rgba(11, 92, 173, 0.16)'
const FEW = 'rgba(120, 124, 132, 0.18)'

/** @param {string} iso */
const seconds = (iso) => Date.parse(iso) / 1000

/**
 * The chart and its table for one metric. Returns the figure; the chart is drawn once the figure
 * is in the document (it needs its width) and follows its width afterwards.
 * @param {any} m a Metric with a trend @param {string} subject e.g. "Web shop checkout"
 */
export function trend(m, subject) {
  const points = /** @type {any[]} */ (m.trend)
  const drawn = points.filter((p) => p.enough && p.value !== null)
  const few = points.length - drawn.length
  const step = points.length > 1 && Date.parse(points[0].to) - Date.parse(points[0].from) > 86_400_000 ? 'week' : 'day'
  const name = `${m.label} per ${step}, ${subject}`
  const summary = drawn.length
    ? `${name}: ${drawn.map((p) => `${f.shortDay(p.from)} ${f.value(m, p.value)}`).join(', ')}` +
      (few ? `; ${few} ${step}s with too few answers not drawn` : '')
    : `${name}: no ${step} has enough answers to draw`
  const captionId = uid('chart')
  const plot = h('div', { class: 'plot', role: 'img', 'aria-label': summary })
  const rows = points.map((p) => [
    `${f.shortDay(p.from)} – ${f.shortDay(new Date(Date.parse(p.to) - 1).toISOString())}`,
    f.value(m, p.value),
    f.count(p.n),
    f.interval(m, p.low, p.high),
    p.enough ? 'drawn' : 'too few answers: not drawn',
  ])
  const figure = h(
    'figure',
    { class: 'trend', 'aria-labelledby': captionId },
    h('figcaption', { id: captionId }, name),
    plot,
    h(
      'p',
      { class: 'chart-key' },
      h('span', { class: 'key-line', 'aria-hidden': 'true' }),
      ' value ',
      h('span', { class: 'key-band', 'aria-hidden': 'true' }),
      ' 95 % interval ',
      h('span', { class: 'key-few', 'aria-hidden': 'true' }),
      ` too few answers (${step} not drawn)`,
    ),
    h(
      'details',
      { class: 'data' },
      h('summary', null, `Data table: ${m.label} per ${step}`),
      table({ caption: name, captionHidden: true, columns: [step === 'week' ? 'Week' : 'Day', m.label, 'n', '95 % interval', 'Shown'], rows, numeric: [1, 2] }),
    ),
  )
  mount(plot, m, points)
  return figure
}

/** Draws when the element has a width; redraws when it changes. @param {HTMLElement} el @param {any} m @param {any[]} points */
function mount(el, m, points) {
  /** @type {uPlot | null} */
  let chart = null
  const xs = points.map((p) => (seconds(p.from) + seconds(p.to)) / 2)
  const ok = (/** @type {any} */ p, /** @type {string} */ k) => (p.enough && p[k] !== null ? p[k] : null)
  const data = /** @type {uPlot.AlignedData} */ ([xs, points.map((p) => ok(p, 'value')), points.map((p) => ok(p, 'low')), points.map((p) => ok(p, 'high'))])
  const observer = new ResizeObserver(() => {
    const width = Math.floor(el.clientWidth)
    if (!width) return
    if (chart) chart.setSize({ width, height: 190 })
    else chart = new uPlot(options(m, points, width), data, el)
  })
  observer.observe(el)
}

/** @param {any} m @param {any[]} points @param {number} width @returns {uPlot.Options} */
function options(m, points, width) {
  const pad = (m.scale.max - m.scale.min) * 0.02
  return {
    width,
    height: 190,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    legend: { show: false },
    cursor: { show: false },
    // The x axis spans the steps themselves, from the first one's start to the last one's end.
    scales: {
      x: { time: true, range: () => [seconds(points[0].from), seconds(points[points.length - 1].to)] },
      y: { range: [m.scale.min - pad, m.scale.max + pad] },
    },
    axes: [
      { stroke: '#3d4149', grid: { stroke: '#eceef1' }, ticks: { stroke: '#c9cdd3' }, values: '{D} {MMM}', space: 70 },
      { stroke: '#3d4149', grid: { stroke: '#eceef1' }, ticks: { stroke: '#c9cdd3' }, size: 52, values: (_u, vals) => vals.map((v) => f.bare(m, v)) },
    ],
    series: [
      {},
      { label: m.label, stroke: LINE, width: 2, spanGaps: false, points: { show: true, size: 7, fill: LINE, stroke: LINE } },
      { label: 'low', stroke: 'transparent', points: { show: false }, spanGaps: false },
      { label: 'high', stroke: 'transparent', points: { show: false }, spanGaps: false },
    ],
    bands: [{ series: [3, 2], fill: BAND }],
    hooks: {
      drawClear: [
        (u) => {
          // Grey the steps with too few answers across the plot's full height.
          const ctx = u.ctx
          ctx.save()
          ctx.fillStyle = FEW
          for (const p of points) {
            if (p.enough) continue
            const x0 = u.valToPos(seconds(p.from), 'x', true)
            const x1 = u.valToPos(seconds(p.to), 'x', true)
            ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height)
          }
          ctx.restore()
        },
      ],
    },
  }
}

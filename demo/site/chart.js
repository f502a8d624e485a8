// A bar chart as inline SVG, built with DOM calls: no chart library, and nothing the strict CSP
// of the demo refuses (no style attributes; colours come from classes in demo.css).
const SVG = 'http://www.w3.org/2000/svg'

function node(name, attributes, text) {
  const element = document.createElementNS(SVG, name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value))
  if (text !== undefined) element.textContent = text
  return element
}

/**
 * One bar per { label, count, tone } ('low', 'mid' or 'high'), counts written above the bars.
 * `title` names the chart for screen readers, which read the counts from the table next to it.
 */
export function barChart(bars, title) {
  const gap = 6
  const height = 90
  const max = Math.max(1, ...bars.map((b) => b.count))
  // Wide enough for its label: "disappointed" needs more room than "7".
  const widths = bars.map((b) => Math.max(24, b.label.length * 7 + 4))
  const total = widths.reduce((sum, w) => sum + w + gap, -gap)
  const svg = node('svg', { viewBox: `0 0 ${total} ${height + 34}`, width: total, height: height + 34, role: 'img', class: 'chart' })
  svg.append(node('title', {}, title))
  let x = 0
  bars.forEach((bar, i) => {
    const width = widths[i]
    const h = Math.round((bar.count / max) * height)
    svg.append(node('rect', { x, y: height + 14 - h, width, height: Math.max(h, 1), class: 'bar ' + bar.tone, rx: 3 }))
    svg.append(node('text', { x: x + width / 2, y: height + 10 - h, class: 'count' }, bar.count))
    svg.append(node('text', { x: x + width / 2, y: height + 30, class: 'label' }, bar.label))
    x += width + gap
  })
  return svg
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const shortDate = (day) => `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`

/**
 * A line chart of a score over the weeks: points [{ week: 'YYYY-MM-DD', n, score }] (score null
 * for a week without answers: a gap in the line), on the axis `range` [from, to]. Each point is
 * labelled with `format(score)`; under it the week's Monday and n. A point of fewer than `few`
 * answers is drawn hollow.
 */
export function lineChart(points, { range: [from, to], format, few, title }) {
  const step = 52
  const left = 46
  const top = 16
  const height = 70
  const width = left + Math.max(1, points.length) * step
  const y = (score) => top + height - ((score - from) / (to - from)) * height
  const x = (i) => left + step / 2 + i * step
  const svg = node('svg', { viewBox: `0 0 ${width} ${top + height + 36}`, width, height: top + height + 36, role: 'img', class: 'chart line' })
  svg.append(node('title', {}, title))
  // The axis: the ends of the scale, and 0 when the scale goes below it.
  for (const value of from < 0 ? [to, 0, from] : [to, from]) {
    svg.append(node('line', { x1: left - 4, x2: width, y1: y(value), y2: y(value), class: value === 0 || value === from ? 'axis' : 'grid' }))
    svg.append(node('text', { x: left - 7, y: y(value) + 4, class: 'tick' }, format(value)))
  }
  let segment = []
  const flush = () => {
    if (segment.length > 1) svg.append(node('polyline', { points: segment.join(' '), class: 'trend' }))
    segment = []
  }
  points.forEach((point, i) => {
    svg.append(node('text', { x: x(i), y: top + height + 16, class: 'label' }, shortDate(point.week)))
    svg.append(node('text', { x: x(i), y: top + height + 30, class: 'label n' }, 'n=' + point.n))
    if (point.score === null) return flush()
    segment.push(`${x(i)},${y(point.score)}`)
  })
  flush()
  points.forEach((point, i) => {
    if (point.score === null) return
    svg.append(node('circle', { cx: x(i), cy: y(point.score), r: 3.5, class: point.n < few ? 'point few' : 'point' }))
    svg.append(node('text', { x: x(i), y: y(point.score) - 7, class: 'count' }, format(point.score)))
  })
  return svg
}

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

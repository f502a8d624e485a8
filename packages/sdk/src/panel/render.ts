import type { Line, SurveyView, View } from './model'
import type { Problem } from '../pure/validate/validate'

type Child = Node | string | false | undefined

/** Builds an element; text is always text (`append` of strings), never HTML. */
export function el(tag: string, props: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) k == 'class' ? (e.className = v) : e.setAttribute(k, v)
  for (const c of children) if (c) e.append(c)
  return e
}

const list = (lines: Line[]) => el('ul', {}, ...lines.map((l) => el('li', { class: l.pass ? 'pass' : 'fail' }, l.text)))

/** A link to this page that previews the survey: shareable, and it reloads with `?hetki_preview=`. */
const previewLink = (id: string): HTMLElement => {
  const url = new URL(location.href)
  url.searchParams.set('hetki_preview', id)
  return el('a', { href: url.href, 'data-key': 'preview:' + id }, 'Preview "' + id + '" on this page')
}

/** One survey: its verdict in the summary, both traces inside; `open` keeps what the PM opened. */
function survey(s: SurveyView, open: Set<string>): HTMLElement {
  const details = el(
    'details',
    { 'data-survey': s.id },
    el('summary', { 'data-key': 'survey:' + s.id }, el('h3', {}, s.id), el('span', { class: 'state ' + s.state }, s.headline)),
    s.last && el('p', {}, 'Last decision on this page, ' + s.last.at + (s.last.preview ? ' (preview)' : '') + ':'),
    s.last && list(s.last.lines),
    el('p', {}, s.now.title + ':'),
    list(s.now.lines),
    previewLink(s.id),
  ) as HTMLDetailsElement
  details.open = open.has(s.id)
  details.addEventListener('toggle', () => (details.open ? open.add(s.id) : open.delete(s.id)))
  return details
}

/** Config problems: each with its severity, path and message (which says what was expected), and a hint when known. */
export const problemList = (problems: Problem[]): HTMLElement =>
  problems.length
    ? el(
        'ul',
        {},
        ...problems.map((p) =>
          el(
            'li',
            {},
            el('span', { class: p.severity }, p.severity + ' '),
            el('code', {}, p.path || 'config'),
            ': ' + p.message,
            p.hint && el('span', { class: 'muted' }, ' ' + p.hint),
          ),
        ),
      )
    : el('p', { class: 'muted' }, 'No problems found.')

/** The sections that change as events arrive: rebuilt whole, the panel around them stays. */
export const sections = (v: View, open: Set<string>): Child[] => [
  el('h2', {}, 'Surveys'),
  ...v.surveys.map((s) => survey(s, open)),
  el('h2', {}, 'Config problems'),
  problemList(v.problems),
  el('h2', {}, 'Journey trail'),
  v.trail.length ? el('ol', {}, ...v.trail.map((t) => el('li', {}, t))) : el('p', { class: 'muted' }, 'No events yet.'),
  el('h2', {}, 'Pacing on this device'),
  el('ul', {}, ...v.pacing.map((t) => el('li', {}, t))),
]

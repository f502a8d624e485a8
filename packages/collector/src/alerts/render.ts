// The words of an alert or a digest for each kind of channel: plain text and escaped HTML for
// e-mail, Slack's incoming-webhook JSON (text + Block Kit), a Teams MessageCard, and the generic
// webhook's JSON (the declared AlertMessage itself, so receivers parse fields, not prose). Pure.
import type { AlertMessage, DigestMessage } from './message'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
// Slack's mrkdwn treats &, < and > as control characters (links, mentions): these three only.
const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
// A Teams card's text is Markdown with some HTML: escape the Markdown marks, then the HTML (with
// named entities, whose characters are no Markdown marks).
const escapeTeams = (s: string) =>
  s
    .replace(/([\\*_`[\]#])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')

const owner = (m: AlertMessage) => (m.touchpoint.owner ? ` (${m.touchpoint.owner})` : '')
const headline = (m: AlertMessage) => `${m.answer?.answer ?? m.reason} at ${m.touchpoint.name}`

/** The e-mail subject / notification title of one alert. */
export const subjectOf = (m: AlertMessage) => `[Hetki] ${headline(m)}${owner(m)}`

/** The e-mail subject of a digest. */
export const digestSubjectOf = (d: DigestMessage) =>
  `[Hetki] ${d.every === 'hourly' ? 'Hourly' : 'Daily'} digest for ${d.owner}: ${d.alerts.length} alert${d.alerts.length === 1 ? '' : 's'}`

/** The lines of one alert, shared by the plain-text renderings. */
function lines(m: AlertMessage): string[] {
  return [
    `${m.reason} at ${m.touchpoint.name}${owner(m)}, survey ${m.survey}${m.completed ? '' : ' (not completed)'}`,
    ...(m.answer ? [`${m.answer.text} — ${m.answer.answer}`] : []),
    ...m.followUps.map((a) => `${a.text} — ${a.answer}`),
    ...(m.trail.length ? [`Journey before it: ${m.trail.map((s) => s.label).join(' → ')}`] : []),
    `Record: ${m.link}`,
  ]
}

/** Plain text of one alert (e-mail text part). */
export const textOf = (m: AlertMessage) => lines(m).join('\n') + '\n'

function htmlItem(m: AlertMessage): string {
  const li = (a: { text: string; answer: string }) => `<li>${escapeHtml(a.text)} — <strong>${escapeHtml(a.answer)}</strong></li>`
  return [
    `<p>${escapeHtml(m.reason)} at <strong>${escapeHtml(m.touchpoint.name)}</strong>${escapeHtml(owner(m))}, survey ${escapeHtml(m.survey)}${m.completed ? '' : ' (not completed)'}</p>`,
    `<ul>${[...(m.answer ? [m.answer] : []), ...m.followUps].map(li).join('')}</ul>`,
    m.trail.length ? `<p>Journey before it: ${m.trail.map((s) => escapeHtml(s.label)).join(' &rarr; ')}</p>` : '',
    `<p><a href="${escapeHtml(m.link)}">Open the record</a></p>`,
  ].join('\n')
}

/** HTML of one alert (e-mail HTML part): every value escaped. */
export const htmlOf = (m: AlertMessage) => `<!doctype html><html><body>\n${htmlItem(m)}\n</body></html>\n`

export const digestTextOf = (d: DigestMessage) =>
  `${digestSubjectOf(d).replace('[Hetki] ', '')}, ${d.period.from} – ${d.period.to}\n\n` + d.alerts.map((m) => lines(m).join('\n')).join('\n\n') + '\n'

export const digestHtmlOf = (d: DigestMessage) =>
  `<!doctype html><html><body>\n<h1>${escapeHtml(digestSubjectOf(d).replace('[Hetki] ', ''))}</h1>\n<p>${escapeHtml(d.period.from)} – ${escapeHtml(d.period.to)}</p>\n` +
  d.alerts.map((m) => `<hr>\n${htmlItem(m)}`).join('\n') +
  '\n</body></html>\n'

function slackBlocks(m: AlertMessage) {
  const answers = [...(m.answer ? [m.answer] : []), ...m.followUps].map((a) => `• ${escapeSlack(a.text)} — *${escapeSlack(a.answer)}*`)
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeSlack(headline(m))}*${escapeSlack(owner(m))}\n${escapeSlack(m.reason)} · survey ${escapeSlack(m.survey)}` },
    },
    ...(answers.length ? [{ type: 'section', text: { type: 'mrkdwn', text: answers.join('\n') } }] : []),
    ...(m.trail.length ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `Journey: ${m.trail.map((s) => escapeSlack(s.label)).join(' → ')}` }] }] : []),
    { type: 'section', text: { type: 'mrkdwn', text: `<${m.link}|Open the record>` } },
  ]
}

/** Slack incoming-webhook body of one alert: `text` (the notification) plus Block Kit blocks. */
export const slackOf = (m: AlertMessage) => ({ text: escapeSlack(subjectOf(m)), blocks: slackBlocks(m) })

export const slackDigestOf = (d: DigestMessage) => ({
  text: escapeSlack(digestSubjectOf(d)),
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: digestSubjectOf(d).replace('[Hetki] ', '') } },
    ...d.alerts.flatMap((m) => [{ type: 'divider' }, ...slackBlocks(m)]),
  ],
})

function teamsSection(m: AlertMessage) {
  return {
    activityTitle: escapeTeams(headline(m)) + escapeTeams(owner(m)),
    activitySubtitle: `${escapeTeams(m.reason)} · survey ${escapeTeams(m.survey)}`,
    facts: [...(m.answer ? [m.answer] : []), ...m.followUps].map((a) => ({ name: escapeTeams(a.text), value: escapeTeams(a.answer) })),
    text: m.trail.length ? `Journey: ${m.trail.map((s) => escapeTeams(s.label)).join(' → ')}` : undefined,
  }
}

/** A Teams (Office 365 connector / Workflows) MessageCard of one alert. */
export const teamsOf = (m: AlertMessage) => ({
  '@type': 'MessageCard',
  '@context': 'https://schema.org/extensions',
  summary: subjectOf(m),
  themeColor: 'C0392B',
  title: escapeTeams(subjectOf(m)),
  sections: [teamsSection(m)],
  potentialAction: [{ '@type': 'OpenUri', name: 'Open the record', targets: [{ os: 'default', uri: m.link }] }],
})

export const teamsDigestOf = (d: DigestMessage) => ({
  '@type': 'MessageCard',
  '@context': 'https://schema.org/extensions',
  summary: digestSubjectOf(d),
  title: escapeTeams(digestSubjectOf(d)),
  sections: d.alerts.map((m) => ({
    ...teamsSection(m),
    potentialAction: [{ '@type': 'OpenUri', name: 'Open the record', targets: [{ os: 'default', uri: m.link }] }],
  })),
})

/** The generic webhook's body: the declared message, typed, so a receiver reads fields. */
export const webhookOf = (m: AlertMessage) => ({ type: 'hetki.alert' as const, version: 1, alert: m })
export const webhookDigestOf = (d: DigestMessage) => ({ type: 'hetki.digest' as const, version: 1, digest: d })

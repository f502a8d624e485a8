import { describe, expect, it } from 'vitest'
import { checkAlerts } from './check'
import type { AlertsConfig } from './contract'
import { config } from './testing/fixtures'

const good: AlertsConfig = {
  rules: [
    { id: 'csat', touchpoint: 'checkout', metric: 'csat', atMost: 2 },
    { id: 'streak', metric: 'csat', atMost: 2, count: 3, within: '1h', to: ['slack'] },
  ],
  channels: { mail: { type: 'email', to: 'a@example.com' }, slack: { type: 'slack', url: 'https://hooks.slack.com/services/x' } },
  owners: { 'Payments team': ['mail'] },
  digest: { Support: { every: 'daily', to: ['mail'] } },
  smtp: { host: 'smtp.example.com', port: 587, from: 'hetki@example.com' },
}

describe('checking the alerts block', () => {
  it('finds nothing wrong in a good one', () => expect(checkAlerts(good, config)).toEqual([]))

  it('names each problem with its path', () => {
    const bad = {
      rules: [
        { id: 'csat', touchpoint: 'chekout', metric: 'csat', atMost: 2, to: ['slak'] },
        { id: 'csat', metric: 'happiness' },
        { id: 'streak', metric: 'csat', atMost: 2, count: 3 },
        { id: 'bound', atMost: 2 },
      ],
      channels: { mail: { type: 'email', to: 'nobody' }, hook: { type: 'webhook', url: 'ftp://x' } },
      owners: { 'Payment team': ['mail'] },
      digest: { Support: { every: 'weekly', to: ['mail'] } },
      settle: 'soon',
    } as unknown as AlertsConfig
    expect(checkAlerts(bad, config)).toEqual([
      'alerts.rules[0].touchpoint: no touchpoint "chekout" in the config',
      'alerts.rules[0].to[0]: no channel named "slak" under alerts.channels',
      'alerts.rules[1].id: "csat" is used by an earlier rule',
      'alerts.rules[1].metric: must be csat, nps, ces, goal or emotion',
      'alerts.rules[2].within: a count needs a window, e.g. "within": "1h"',
      'alerts.rules[3].atMost: a bound needs a metric',
      'alerts.channels.mail.to: must be an e-mail address or a list of them',
      'alerts.channels.mail: an e-mail channel needs alerts.smtp',
      'alerts.channels.hook.url: must be an http(s) URL',
      'alerts.owners.Payment team: no touchpoint in the config has the owner "Payment team"',
      'alerts.digest.Support.every: must be "hourly" or "daily"',
      'alerts.settle: must be a duration such as "2m"',
    ])
  })
})

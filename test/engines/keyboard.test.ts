// Every question type on every engine, answered with the keyboard only, checked by axe-core at each
// step (0 violations), the answers read back from the real collector. One window for the file; each
// test loads its own page (surveys differ by id, so pacing never stands in the way).
import { beforeAll, describe, expect, it } from 'vitest'
import { everyType } from '../helpers/survey'
import type { Profile, Win } from './engine.mjs'
import { axeViolations, checked, count, focused, press, rests, textOf, valueOf, waitFor } from './dom'
import type { PageSpec } from './pages'
import { hetki, problems, ready, useEngine } from './setup'

const env = useEngine()
let profile: Profile
let win: Win
beforeAll(async () => {
  profile = await env.profile()
  win = await profile.open()
})

const THANKS = 'Thank you for your answer!'

/** Loads a page with this survey (shown on the event `go`) and axe-core, sends the event, and waits for the card to rest. */
async function show(survey: Record<string, unknown>, spec: PageSpec = {}) {
  const path = env.pages.page(String(survey.id), { axe: true, ...spec, config: { surveys: [{ trigger: { event: 'go' }, ...survey }] } })
  await win.goto(env.url(path))
  await ready(win)
  await hetki(win, 'track', 'go')
  // Checked and pressed where it rests, not halfway through its entrance.
  await rests(win)
}

/** The answers the collector stored for this survey, once it holds a record with `completed` as given. */
async function stored(surveyId: string, completed = true) {
  const find = async () => (await env.demo.store.all()).find((r) => r.survey_id == surveyId && r.completed == completed)
  await expect.poll(find).toBeTruthy()
  return (await find())!.answers
}

const thanked = (survey: string) => expect.poll(() => textOf(win, { survey, role: 'status' })).toBe(THANKS)
const isFocused = (name: string) => expect.poll(() => focused(win)).toBe(name)

describe('question types, by keyboard only', () => {
  it('CSAT 1–5 in the corner popover: Tab reaches it, arrows move, Enter answers', async () => {
    await show({ id: 'csat', questions: [{ id: 'q', template: 'csat' }] })
    await waitFor(win, { survey: 'csat', role: 'dialog', name: 'How satisfied are you?' })
    expect(await axeViolations(win)).toEqual([])
    await press(win, 'Tab')
    await isFocused('Close survey')
    await press(win, 'Tab')
    await isFocused('1 of 5, Very unsatisfied')
    await press(win, 'ArrowRight', 'ArrowRight', 'ArrowRight')
    await isFocused('4 of 5')
    await press(win, 'Enter')
    await thanked('csat')
    expect(await axeViolations(win)).toEqual([])
    expect(await stored('csat')).toEqual({ q: 4 })
    expect(await problems(win)).toEqual([])
  })

  it('NPS 0–10 in the bottom bar: End, ArrowLeft, Space; the ends are named', async () => {
    await show({ id: 'nps', placement: 'bar', questions: [{ id: 'q', template: 'nps' }] })
    expect(await count(win, { survey: 'nps', role: 'button', name: /^\d+ of 10/ })).toBe(11)
    expect(await axeViolations(win)).toEqual([])
    await press(win, 'Tab', 'Tab')
    await isFocused('0 of 10, Not at all likely')
    await press(win, 'End')
    await isFocused('10 of 10, Extremely likely')
    await press(win, 'ArrowLeft', 'Space')
    await thanked('nps')
    expect(await stored('nps')).toEqual({ q: 9 })
  })

  it('CES 1–7 inline asks "why" only after a hard answer; focus follows into the text field; Send by keyboard', async () => {
    await show(
      {
        id: 'ces',
        placement: 'inline',
        target: '#feedback',
        questions: [
          { id: 'effort', template: 'effort' },
          { id: 'why', type: 'text', text: 'What made it hard?', maxLength: 200, when: { question: 'effort', atMost: 3 } },
        ],
      },
      { body: '<div id="feedback"></div>' },
    )
    expect(await win.evaluate(() => document.querySelectorAll('#feedback > hetki-survey').length)).toBe(1)
    await waitFor(win, { survey: 'ces', role: 'region', name: 'It was easy to do what I came here for.' })
    expect(await axeViolations(win)).toEqual([])
    await press(win, 'Tab', 'Tab', 'ArrowRight')
    await isFocused('2 of 7')
    await press(win, 'Enter')
    await waitFor(win, { survey: 'ces', role: 'textbox', name: 'What made it hard?' })
    await isFocused('textarea')
    // The first answer is stored before the survey is finished.
    expect(await stored('ces', false)).toEqual({ effort: 2 })
    expect(await axeViolations(win)).toEqual([])
    await win.type('Too many steps')
    await press(win, 'Tab')
    await isFocused('Send')
    await press(win, 'Enter')
    await thanked('ces')
    expect(await stored('ces')).toEqual({ effort: 2, why: 'Too many steps' })
  })

  it('the emotion picker in Swedish answers with the feeling and its weight', async () => {
    await show({ id: 'feel', questions: [{ id: 'feel', template: 'feeling' }] }, { lang: 'sv' })
    await waitFor(win, { survey: 'feel', role: 'dialog', name: 'Hur kändes det?' })
    expect(await axeViolations(win)).toEqual([])
    await press(win, 'Tab', 'Tab', 'ArrowRight', 'ArrowRight', 'ArrowRight')
    await isFocused('Nöjd')
    await press(win, 'Enter')
    await expect.poll(() => textOf(win, { survey: 'feel', role: 'status' })).toBe('Tack för ditt svar!')
    expect(await stored('feel')).toEqual({ feel: { id: 'pleased', weight: 50 } })
  })

  const options = [
    { id: 'price', label: 'Price' },
    { id: 'speed', label: 'Delivery time' },
    { id: 'service', label: 'Customer service' },
  ]

  it('single choice: radio buttons move with arrows, the submit button sends', async () => {
    await show({ id: 'single', questions: [{ id: 'q', type: 'choice', text: 'What matters most?', options }] })
    expect(await count(win, { survey: 'single', role: 'radio' })).toBe(3)
    expect(await axeViolations(win)).toEqual([])
    await press(win, 'Tab', 'Tab', 'ArrowDown')
    expect(await checked(win, { survey: 'single', role: 'radio', name: 'Delivery time' })).toBe(true)
    await press(win, 'Tab')
    await isFocused('Send')
    await press(win, 'Enter')
    await thanked('single')
    expect(await stored('single')).toEqual({ q: 'speed' })
  })

  it('multiple choice with "other": checkboxes by Space, the other text sent as <id>_other', async () => {
    await show({ id: 'multi', questions: [{ id: 'q', type: 'choice', multiple: true, other: true, text: 'What could be better?', options }] })
    expect(await count(win, { survey: 'multi', role: 'checkbox' })).toBe(4)
    await press(win, 'Tab', 'Tab', 'Space', 'Tab', 'Tab', 'Tab', 'Space')
    await waitFor(win, { survey: 'multi', role: 'textbox', name: 'Other, please specify' })
    expect(await axeViolations(win)).toEqual([])
    await press(win, 'Tab')
    await win.type('Packaging')
    await press(win, 'Tab', 'Enter')
    await thanked('multi')
    expect(await stored('multi')).toEqual({ q: ['price', 'other'], q_other: 'Packaging' })
  })

  it('open text keeps to its length limit', async () => {
    await show({ id: 'open', questions: [{ id: 't', type: 'text', text: 'Anything else?', maxLength: 10 }] })
    expect(await axeViolations(win)).toEqual([])
    await press(win, 'Tab', 'Tab')
    await win.type('abcdefghijklmno')
    expect(await valueOf(win, { survey: 'open', role: 'textbox', name: 'Anything else?' })).toBe('abcdefghij')
    await press(win, 'Tab', 'Enter')
    await thanked('open')
    expect(await stored('open')).toEqual({ t: 'abcdefghij' })
  })
})

describe('every question type in a row', () => {
  const { questions, steps, typed, answers } = everyType
  for (const placement of ['popover', 'bar', 'inline']) {
    it(`${placement}: five questions by keyboard, focus following, axe clean at every step`, async () => {
      const id = 'all-' + placement
      await show({ id, placement, target: '#here', questions }, { body: '<div id="here"></div>' })
      const step = async (name: string, ...keys: string[]) => {
        await waitFor(win, { survey: id, role: 'heading', name })
        expect(await axeViolations(win)).toEqual([])
        await press(win, ...keys)
      }
      for (const [name, ...keys] of steps) await step(name, ...keys)
      await win.type(typed)
      await press(win, 'Tab', 'Enter')
      await thanked(id)
      expect(await axeViolations(win)).toEqual([])
      expect(await stored(id)).toEqual(answers)
    })
  }
})

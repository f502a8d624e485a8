// Every question type and placement, answered with the keyboard only, checked by axe-core, and the
// answers read back from the real collector.
import { describe, expect, it } from 'vitest'

import { fixtureServer } from '../fixtures/pages.mjs'
import { useChromiumAndDemo } from '../helpers/setup'
import { everyType } from '../helpers/survey'
import { axeViolations, focused, press, widgetHarness } from '../helpers/widget'

const fixtures = fixtureServer()
const { show, stored } = widgetHarness(
  () => env.browser,
  () => env.demo,
  fixtures,
)

const env = useChromiumAndDemo(fixtures.handle)

const THANKS = 'Thank you for your answer!'

describe('question types, by keyboard only', () => {
  it('CSAT 1–5 as numbers in the corner popover: arrows move, Enter answers', async () => {
    const { page, prompt, errors, close } = await show({ id: 'csat', questions: [{ id: 'q', template: 'csat' }] })
    await prompt.getByRole('dialog', { name: 'How satisfied are you?' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'Tab')
    await expect.poll(() => focused(page)).toBe('Close survey')
    await press(page, 'Tab')
    await expect.poll(() => focused(page)).toBe('1 of 5, Very unsatisfied')
    await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight')
    await expect.poll(() => focused(page)).toBe('4 of 5')
    await press(page, 'Enter')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
    expect(await axeViolations(page)).toEqual([])
    expect(await stored('csat')).toEqual({ q: 4 })
    expect(errors).toEqual([])
    await close()
  })

  it('NPS 0–10 in the bottom bar: End, ArrowLeft, Space; the ends are named', async () => {
    const { page, prompt, close } = await show({ id: 'nps', placement: 'bar', questions: [{ id: 'q', template: 'nps' }] })
    expect(await prompt.getByRole('button', { name: /^\d+ of 10/ }).count()).toBe(11)
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'Tab', 'Tab')
    await expect.poll(() => focused(page)).toBe('0 of 10, Not at all likely')
    await press(page, 'End')
    await expect.poll(() => focused(page)).toBe('10 of 10, Extremely likely')
    await press(page, 'ArrowLeft', 'Space')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
    expect(await stored('nps')).toEqual({ q: 9 })
    await close()
  })

  const effortWithWhy = (id: string) => ({
    id,
    placement: 'inline',
    target: '#feedback',
    questions: [
      { id: 'effort', template: 'effort' },
      { id: 'why', type: 'text', text: 'What made it hard?', maxLength: 200, when: { question: 'effort', atMost: 3 } },
    ],
  })

  it('CES 1–7 inline in its target asks "why" only when effort is ≤ 3; focus follows into the text field', async () => {
    const { page, prompt, close } = await show(effortWithWhy('ces-low'), { body: '<div id="feedback"></div>' })
    // Inline: the host is inside the named element, and the survey is a labelled region, not a dialog.
    expect(await page.locator('#feedback > hetki-survey').count()).toBe(1)
    await prompt.getByRole('region', { name: 'It was easy to do what I came here for.' }).waitFor()
    // "Why" follows only a low score, so no "of 2" is promised before the score is given.
    expect(await prompt.locator('section .step').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'Tab', 'Tab', 'ArrowRight')
    await expect.poll(() => focused(page)).toBe('2 of 7')
    await press(page, 'Enter')
    await prompt.getByRole('textbox', { name: 'What made it hard?' }).waitFor()
    expect(await prompt.getByText('Question 2 of 2').count()).toBe(1)
    await expect.poll(() => focused(page)).toBe('textarea')
    // The first answer is stored before the survey is finished.
    expect(await stored('ces-low', false)).toEqual({ effort: 2 })
    expect(await axeViolations(page)).toEqual([])
    await page.keyboard.type('Too many steps')
    await press(page, 'Tab')
    await expect.poll(() => focused(page)).toBe('Send')
    await press(page, 'Enter')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
    expect(await stored('ces-low')).toEqual({ effort: 2, why: 'Too many steps' })
    await close()
  })

  it('CES 1–7 with an easy answer skips the follow-up and completes', async () => {
    const { page, prompt, close } = await show(effortWithWhy('ces-high'), { body: '<div id="feedback"></div>' })
    await press(page, 'Tab', 'Tab', 'End', 'ArrowLeft', 'Enter')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
    expect(await prompt.getByRole('textbox').count()).toBe(0)
    expect(await stored('ces-high')).toEqual({ effort: 6 })
    await close()
  })

  for (const display of ['stars', 'emoji']) {
    it(`a 5-point rating as ${display}: names still begin with the number`, async () => {
      const id = 'rating-' + display
      const { page, prompt, close } = await show({
        id,
        questions: [{ id: 'q', type: 'rating', display, text: 'Rate the delivery', lowLabel: 'Bad', highLabel: 'Great' }],
      })
      for (let n = 1; n <= 5; n++) expect(await prompt.getByRole('button', { name: new RegExp('^' + n + ' of 5') }).count()).toBe(1)
      expect(await axeViolations(page)).toEqual([])
      await press(page, 'Tab', 'Tab', 'ArrowRight', 'ArrowRight', 'Enter')
      await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
      expect(await stored(id)).toEqual({ q: 3 })
      await close()
    })
  }

  it('the emotion picker in Swedish answers with the feeling and its weight', async () => {
    const { page, prompt, close } = await show({ id: 'feel', questions: [{ id: 'feel', template: 'feeling' }] }, { lang: 'sv' })
    await prompt.getByRole('dialog', { name: 'Hur kändes det?' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'Tab')
    await expect.poll(() => focused(page)).toBe('Stäng enkäten')
    await press(page, 'Tab', 'ArrowRight', 'ArrowRight', 'ArrowRight')
    await expect.poll(() => focused(page)).toBe('Nöjd')
    await press(page, 'Enter')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Tack för ditt svar!')
    expect(await stored('feel')).toEqual({ feel: { id: 'pleased', weight: 50 } })
    await close()
  })

  it('configured feelings with their own weights and copy per language', async () => {
    const options = [
      { id: 'calm', label: { en: 'Calm', fi: 'Rauhallinen' }, emoji: '😌', weight: 60 },
      { id: 'stressed', label: { en: 'Stressed', fi: 'Stressaantunut' }, emoji: '😫', weight: -80 },
    ]
    const { page, prompt, close } = await show(
      { id: 'feel2', questions: [{ id: 'f', type: 'emotion', text: { en: 'How do you feel?', fi: 'Miltä tuntuu?' }, options }] },
      { lang: 'fi-FI' },
    )
    await prompt.getByRole('dialog', { name: 'Miltä tuntuu?' }).waitFor()
    await press(page, 'Tab', 'Tab', 'ArrowRight')
    await expect.poll(() => focused(page)).toBe('Stressaantunut')
    await press(page, 'Space')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Kiitos vastauksestasi!')
    expect(await stored('feel2')).toEqual({ f: { id: 'stressed', weight: -80 } })
    await close()
  })

  it('yes/no ("did you reach your goal?") in Finnish', async () => {
    const { page, prompt, close } = await show({ id: 'goal', questions: [{ id: 'goal', template: 'goal' }] }, { lang: 'fi' })
    await prompt.getByRole('dialog', { name: 'Saitko tehtyä sen, mitä tulit tekemään?' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'Tab', 'Tab')
    await expect.poll(() => focused(page)).toBe('Kyllä')
    await press(page, 'ArrowRight')
    await expect.poll(() => focused(page)).toBe('Ei')
    await press(page, 'Enter')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe('Kiitos vastauksestasi!')
    expect(await stored('goal')).toEqual({ goal: false })
    await close()
  })

  const options = [
    { id: 'price', label: 'Price' },
    { id: 'speed', label: 'Delivery time' },
    { id: 'service', label: 'Customer service' },
  ]

  it('single choice: radio buttons move with arrows, the submit button sends', async () => {
    const { page, prompt, close } = await show({
      id: 'single',
      questions: [{ id: 'q', type: 'choice', text: 'What matters most?', options }],
    })
    expect(await prompt.getByRole('radio').count()).toBe(3)
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'Tab', 'Tab', 'ArrowDown')
    expect(await prompt.getByRole('radio', { name: 'Delivery time' }).isChecked()).toBe(true)
    await press(page, 'Tab')
    await expect.poll(() => focused(page)).toBe('Send')
    await press(page, 'Enter')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
    expect(await stored('single')).toEqual({ q: 'speed' })
    await close()
  })

  it('multiple choice with "other": checkboxes by Space, the other text sent as <id>_other', async () => {
    const { page, prompt, close } = await show({
      id: 'multi',
      questions: [{ id: 'q', type: 'choice', multiple: true, other: true, text: 'What could be better?', options }],
    })
    expect(await prompt.getByRole('checkbox').count()).toBe(4)
    await press(page, 'Tab', 'Tab', 'Space', 'Tab', 'Tab', 'Tab', 'Space')
    const other = prompt.getByRole('textbox', { name: 'Other, please specify' })
    await other.waitFor()
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'Tab')
    await page.keyboard.type('Packaging')
    await press(page, 'Tab', 'Enter')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
    expect(await stored('multi')).toEqual({ q: ['price', 'other'], q_other: 'Packaging' })
    await close()
  })

  it('open text keeps to its length limit and says so', async () => {
    const { page, prompt, close } = await show({
      id: 'open',
      questions: [{ id: 't', type: 'text', text: 'Anything else?', maxLength: 10 }],
    })
    const box = prompt.getByRole('textbox', { name: 'Anything else?' })
    expect(await prompt.getByText('At most 10 characters').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'Tab', 'Tab')
    await page.keyboard.type('abcdefghijklmno')
    expect(await box.inputValue()).toBe('abcdefghij')
    await press(page, 'Tab', 'Enter')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
    expect(await stored('open')).toEqual({ t: 'abcdefghij' })
    await close()
  })

  it('an open text left empty is sent as null (skipped), and the response still completes', async () => {
    const { page, prompt, close } = await show({
      id: 'skipped',
      questions: [
        { id: 'q', template: 'csat' },
        { id: 't', type: 'text', text: 'Anything else?' },
      ],
    })
    await press(page, 'Tab', 'Tab', 'End', 'Enter')
    await prompt.getByRole('textbox', { name: 'Anything else?' }).waitFor()
    // The widget moves focus to the next question after it renders it: Tab from there.
    await expect.poll(() => focused(page)).toBe('textarea')
    await press(page, 'Tab', 'Enter')
    await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
    expect(await stored('skipped')).toEqual({ q: 5, t: null })
    await close()
  })
})

describe('every question type in every placement', () => {
  const { questions, steps, typed, answers } = everyType
  for (const placement of ['popover', 'bar', 'inline']) {
    it(`${placement}: five questions in a row by keyboard, focus following, axe clean at every step`, async () => {
      const id = 'all-' + placement
      const { page, prompt, close } = await show({ id, placement, target: '#here', questions }, { body: '<div id="here"></div>' })
      const step = async (name: string, ...keys: string[]) => {
        await prompt.getByRole('heading', { name }).waitFor()
        expect(await prompt.getByText(new RegExp('^Question \\d of 5$')).count()).toBe(1)
        expect(await axeViolations(page)).toEqual([])
        await press(page, ...keys)
      }
      for (const [name, ...keys] of steps) await step(name, ...keys)
      await page.keyboard.type(typed)
      await press(page, 'Tab', 'Enter')
      await expect.poll(() => prompt.getByRole('status').textContent()).toBe(THANKS)
      expect(await axeViolations(page)).toEqual([])
      expect(await stored(id)).toEqual(answers)
      await close()
    })
  }
})

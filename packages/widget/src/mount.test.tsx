import { describe, expect, it, vi } from 'vitest'
import type { MountOptions } from '../../sdk/src/contracts/widget'
import { mount } from './index'
import { loadStrings } from './strings'

const heading = (host: HTMLElement) => host.shadowRoot!.querySelector('h2')?.textContent || ''
const button = (host: HTMLElement, name: string) =>
  [...host.shadowRoot!.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') || b.textContent) === name)!

const options = (questions: unknown[]): MountOptions => ({
  survey: { id: 's', questions } as MountOptions['survey'],
  lang: 'en',
  onAnswer: vi.fn(),
  onClose: vi.fn(),
})

describe('mount', () => {
  it('renders English at once into an open shadow root, marking placement and direction on the host', () => {
    const host = document.createElement('hetki-survey')
    document.body.append(host)
    const unmount = mount(host, options([{ id: 'q', template: 'csat' }]))
    expect(host.getAttribute('data-placement')).toBe('popover')
    expect(host.dir).toBe('ltr')
    expect(heading(host)).toBe('How satisfied are you?')
    unmount()
    expect(host.shadowRoot!.querySelector('h2')).toBeNull()
    host.remove()
  })

  it('renders another language once its locale file is loaded, right to left for Hebrew', async () => {
    const host = document.createElement('hetki-survey')
    document.body.append(host)
    const unmount = mount(host, { ...options([{ id: 'q', template: 'csat' }]), lang: 'he-IL' })
    // Nothing half-translated in the meantime.
    await vi.waitUntil(() => heading(host))
    expect(heading(host)).toBe('מה רמת שביעות הרצון שלכם?')
    expect(host.dir).toBe('rtl')
    unmount()
    host.remove()
  })

  it('follows the page when its <html lang> changes, keeping the question reached', async () => {
    document.documentElement.lang = 'en'
    const host = document.createElement('hetki-survey')
    document.body.append(host)
    const o = options([
      { id: 'g', template: 'goal' },
      { id: 'q', template: 'csat' },
    ])
    const unmount = mount(host, o)
    button(host, 'Yes').click()
    await vi.waitUntil(() => heading(host) === 'How satisfied are you?')
    document.documentElement.lang = 'de-AT'
    await vi.waitUntil(() => heading(host) === 'Wie zufrieden sind Sie?')
    expect(host.shadowRoot!.querySelector('.step')!.textContent).toBe('Frage 2 von 2')
    expect(host.dir).toBe('ltr')
    document.documentElement.lang = 'ar'
    await vi.waitUntil(() => heading(host) === 'ما مستوى رضاك؟')
    expect(host.dir).toBe('rtl')
    expect(button(host, '1 من 5, منخفض جدًا')).toBeTruthy()
    unmount()
    // Stopped following: a later change renders nothing.
    document.documentElement.lang = 'fr'
    await loadStrings('fr')
    expect(host.shadowRoot!.querySelector('h2')).toBeNull()
    expect(o.onAnswer).toHaveBeenCalledWith('g', true, false)
    host.remove()
    document.documentElement.lang = 'en'
  })

  it("keeps a language the config fixed when the page's changes", async () => {
    document.documentElement.lang = 'en'
    const host = document.createElement('hetki-survey')
    document.body.append(host)
    const unmount = mount(host, { ...options([{ id: 'q', template: 'csat' }]), lang: 'sv' })
    await vi.waitUntil(() => heading(host) === 'Hur nöjd är du?')
    document.documentElement.lang = 'de'
    await loadStrings('de')
    await new Promise((r) => setTimeout(r))
    expect(heading(host)).toBe('Hur nöjd är du?')
    unmount()
    host.remove()
    document.documentElement.lang = 'en'
  })

  it('draws nothing when closed before its language has loaded', async () => {
    const host = document.createElement('hetki-survey')
    document.body.append(host)
    const unmount = mount(host, { ...options([{ id: 'q', template: 'csat' }]), lang: 'it' })
    unmount()
    await loadStrings('it')
    await new Promise((r) => setTimeout(r))
    expect(host.shadowRoot!.querySelector('h2')).toBeNull()
    host.remove()
  })

  it('a survey the renderer cannot draw closes quietly instead of throwing into the page', () => {
    const host = document.createElement('hetki-survey')
    document.body.append(host)
    const o = options([{ id: 'q', type: 'choice', text: 'Which?', options: 'not a list' }])
    expect(() => mount(host, o)).not.toThrow()
    expect(o.onClose).toHaveBeenCalledWith('dismissed')
    host.remove()
  })

  it('a host callback that throws does not break the survey', async () => {
    const host = document.createElement('hetki-survey')
    document.body.append(host)
    const o = options([
      { id: 'q', template: 'goal' },
      { id: 'r', template: 'csat' },
    ])
    o.onAnswer = () => {
      throw new Error('host bug')
    }
    mount(host, o)
    const yes = [...host.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Yes')!
    expect(() => yes.click()).not.toThrow()
    await new Promise((r) => setTimeout(r)) // Preact renders state changes on the next tick
    expect(host.shadowRoot!.querySelector('h2')!.textContent).toBe('How satisfied are you?')
    host.remove()
  })
})

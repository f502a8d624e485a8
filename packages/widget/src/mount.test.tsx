import { describe, expect, it, vi } from 'vitest'
import type { MountOptions } from '../../sdk/src/contracts/widget'
import { mount } from './index'

const options = (questions: unknown[]): MountOptions => ({
  survey: { id: 's', questions } as MountOptions['survey'],
  lang: 'en',
  onAnswer: vi.fn(),
  onClose: vi.fn(),
})

describe('mount', () => {
  it('renders into an open shadow root, marking placement and direction on the host', () => {
    const host = document.createElement('hetki-survey')
    document.body.append(host)
    const o = options([{ id: 'q', template: 'csat' }])
    const unmount = mount(host, { ...o, lang: 'he' })
    expect(host.getAttribute('data-placement')).toBe('popover')
    expect(host.dir).toBe('rtl')
    expect(host.shadowRoot!.querySelector('h2')!.textContent).toBe('How satisfied are you?')
    unmount()
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
    const o = options([{ id: 'q', template: 'goal' }, { id: 'r', template: 'csat' }])
    o.onAnswer = () => {
      throw new Error('host bug')
    }
    mount(host, o)
    const yes = [...host.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent == 'Yes')!
    expect(() => yes.click()).not.toThrow()
    await new Promise((r) => setTimeout(r)) // Preact renders state changes on the next tick
    expect(host.shadowRoot!.querySelector('h2')!.textContent).toBe('How satisfied are you?')
    host.remove()
  })
})

// @vitest-environment node
// Rendering on a server (Next.js, Remix, a plain renderToString): importing the kit and the SDK
// touches no browser global, the markup has the inline survey's place, and nothing starts.
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { HetkiInline, HetkiProvider, useHetki, useHetkiEvent, useTrack } from './index'

describe('@hetki/react on a server', () => {
  it('renders to a string, with the place of the inline survey and without starting Hetki', () => {
    expect(typeof window).toBe('undefined')
    function Page() {
      const hetki = useHetki()
      const track = useTrack()
      useHetkiEvent('survey:shown', () => {})
      // Calls made while rendering on a server do nothing (and throw nothing).
      track('rendered')
      hetki.identify('u1')
      hetki.show('helpful')
      hetki.on('survey:shown', () => {})
      return h('article', null, h('p', null, 'Text'), h(HetkiInline, { survey: 'helpful', id: 'feedback' }))
    }
    const config = {
      surveys: [{ id: 'helpful', placement: 'inline' as const, target: '[data-hetki-inline="helpful"]', questions: [{ id: 'q', template: 'goal' as const }] }],
    }
    const html = renderToString(h(HetkiProvider, { config }, h(Page)))
    expect(html).toBe('<article><p>Text</p><div id="feedback" data-hetki-inline="helpful"></div></article>')
  })
})

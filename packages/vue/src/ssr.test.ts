// @vitest-environment node
// Rendering on a server (Nuxt, vue/server-renderer): importing the kit and the SDK touches no
// browser global, the plugin starts nothing, and the markup has the inline survey's place.
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it } from 'vitest'
import { HetkiInline, hetki, useHetki, useHetkiEvent, useTrack } from './index'

describe('@hetki/vue on a server', () => {
  it('renders to a string, with the place of the inline survey', async () => {
    expect(typeof window).toBe('undefined')
    const Page = defineComponent({
      setup() {
        const api = useHetki()
        const track = useTrack()
        useHetkiEvent('survey:shown', () => {})
        // Calls made while rendering on a server do nothing (and throw nothing).
        track('rendered')
        api.show('helpful')
        return () => h('article', null, [h('p', null, 'Text'), h(HetkiInline, { survey: 'helpful', id: 'feedback' })])
      },
    })
    const config = {
      surveys: [{ id: 'helpful', placement: 'inline' as const, target: '[data-hetki-inline="helpful"]', questions: [{ id: 'q', template: 'goal' as const }] }],
    }
    const app = createSSRApp(Page).use(hetki, { config })
    expect(await renderToString(app)).toBe('<article><p>Text</p><div data-hetki-inline="helpful" id="feedback"></div></article>')
  })
})

// Render functions with h(): no .vue files, so the app needs no Vue plugin in Vite.
import { createApp, defineComponent, h, ref } from 'vue'
import { HetkiInline, hetki, useHetki, useHetkiEvent, useTrack } from '@hetki/vue'
import { config } from '../kit-config.js'

/** What the page saw, for the test: the events a mounted component heard. */
window.seen = []

const Article = defineComponent({
  setup() {
    const feedback = ref(true)
    const track = useTrack()
    useHetkiEvent('survey:shown', (e) => window.seen.push('shown:' + e.surveyId))
    useHetkiEvent('survey:completed', (e) => window.seen.push('completed:' + e.surveyId))
    // For the test: the API as a component gets it, still usable after the app unmounted.
    window.hetki = useHetki()
    return () =>
      h('article', [
        h('h1', 'Kettle, 1.7 l'),
        h('button', { onClick: () => track('bought', { sku: 'kettle' }) }, 'Buy'),
        h('button', { onClick: () => (feedback.value = !feedback.value) }, feedback.value ? 'Hide feedback' : 'Show feedback'),
        feedback.value ? h(HetkiInline, { survey: 'helpful', class: 'feedback' }) : null,
      ])
  },
})

const app = createApp(Article).use(hetki, { config })
app.mount('#app')
window.unmountApp = () => app.unmount()

// No JSX: createElement, so the app needs no React plugin in Vite.
import { createElement as h, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { HetkiInline, HetkiProvider, useHetki, useHetkiEvent, useTrack } from '@hetki/react'
import { config } from '../kit-config.js'

/** What the page saw, for the test: the events a mounted component heard. */
window.seen = []

function Article() {
  const [feedback, setFeedback] = useState(true)
  const track = useTrack()
  useHetkiEvent('survey:shown', (e) => window.seen.push('shown:' + e.surveyId))
  useHetkiEvent('survey:completed', (e) => window.seen.push('completed:' + e.surveyId))
  // For the test: the API as a component gets it, still usable after the app unmounted.
  window.hetki = useHetki()
  return h(
    'article',
    null,
    h('h1', null, 'Kettle, 1.7 l'),
    h('button', { onClick: () => track('bought', { sku: 'kettle' }) }, 'Buy'),
    h('button', { onClick: () => setFeedback(!feedback) }, feedback ? 'Hide feedback' : 'Show feedback'),
    feedback ? h(HetkiInline, { survey: 'helpful', className: 'feedback' }) : null,
  )
}

const root = createRoot(document.getElementById('app'))
root.render(h(HetkiProvider, { config }, h(Article)))
window.unmountApp = () => root.unmount()

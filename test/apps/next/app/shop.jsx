'use client'
// What the README's npm section says, in a client component of the App Router: init once in the
// browser (an effect never runs on the server), track from an event handler.
import { useEffect } from 'react'
import { init, track } from '@hetki/sdk'

export default function Shop() {
  useEffect(() => {
    init({
      endpoint: '/collect',
      // In German: the widget's locale file is one more lazy import the bundler must follow and emit.
      lang: 'de',
      surveys: [
        {
          id: 'checkout',
          trigger: { event: 'order.completed' },
          questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How was checking out?' }],
        },
      ],
    })
  }, [])
  return (
    <button id="buy" onClick={() => track('order.completed')}>
      Place order
    </button>
  )
}

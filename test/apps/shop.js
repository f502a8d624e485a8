// The shop every bundler app runs: what a web team writes after `npm install @hetki/sdk`, exactly
// as the README's npm section says, and nothing else (no copied files, no widgetUrl). In German:
// the widget's locale file is one more lazy import the bundler must follow and emit.
import { init, track } from '@hetki/sdk'

init({
  endpoint: '/collect',
  lang: 'de',
  surveys: [
    {
      id: 'checkout',
      trigger: { event: 'order.completed' },
      questions: [{ id: 'q1', type: 'rating', scale: 5, text: 'How was checking out?' }],
    },
  ],
})

document.querySelector('#buy').addEventListener('click', () => track('order.completed'))

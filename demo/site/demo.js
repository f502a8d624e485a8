// The demo pages' own code: what a web team would write around Hetki. A button with
// `data-track` reports that touchpoint event (with the JSON in `data-props`) and shows
// `data-status`; the markup says what each button means (in the page's language), so one
// listener serves every page, English and Finnish.
const status = document.getElementById('status')
for (const button of document.querySelectorAll('[data-track]'))
  button.addEventListener('click', () => {
    status.textContent = button.dataset.status || ''
    window.hetki.track(button.dataset.track, button.dataset.props ? JSON.parse(button.dataset.props) : undefined)
  })
const reset = document.getElementById('reset')
reset.addEventListener('click', () => {
  window.hetki.reset()
  status.textContent = reset.dataset.status
})

// The demo page's own code: what a web team would write around Hetki.
document.getElementById('order').addEventListener('click', () => {
  document.getElementById('status').textContent = 'Thank you, your order is confirmed.'
  window.hetki.track('order.completed', { plan: 'fixed-24' })
})
document.getElementById('reset').addEventListener('click', () => {
  window.hetki.reset()
  document.getElementById('status').textContent = 'Your survey state was reset on this device.'
})

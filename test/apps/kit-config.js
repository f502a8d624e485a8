// The Hetki config of both kit apps (react-kit and vue-kit import it): an inline survey placed by HetkiInline (survey "helpful"),
// and a popover survey triggered by track('bought') from a hook.
export const config = {
  endpoint: '/collect',
  surveys: [
    {
      id: 'helpful',
      placement: 'inline',
      target: '[data-hetki-inline="helpful"]',
      questions: [{ id: 'useful', type: 'yesno', text: 'Was this page useful?' }],
    },
    {
      id: 'after-buy',
      trigger: { event: 'bought' },
      questions: [{ id: 'csat', type: 'rating', scale: 5, text: 'How easy was buying?' }],
    },
  ],
}

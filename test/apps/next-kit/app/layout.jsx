// The SDK arrives only through the React kit here: the layout (a server component) renders the
// kit's provider, a client module, around the page, with an inline survey's place. This is the
// route where Turbopack once dropped the module build's chunk loader (every chunk then 404ed).
import { HetkiInline, HetkiProvider } from '@hetki/react'

export const metadata = { title: 'Shop (Next.js, React kit)', icons: { icon: 'data:,' } }

const config = {
  endpoint: '/collect',
  surveys: [
    { id: 'helpful', placement: 'inline', target: '[data-hetki-inline="helpful"]', questions: [{ id: 'goal', template: 'goal' }] },
  ],
}

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>
        <HetkiProvider config={config}>
          {children}
          <HetkiInline survey="helpful" id="feedback" />
        </HetkiProvider>
      </body>
    </html>
  )
}

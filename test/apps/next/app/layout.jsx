// No favicon request: the test wants every request the page makes to succeed.
export const metadata = { title: 'Shop (Next.js)', icons: { icon: 'data:,' } }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}

// A server component: it renders the page and leaves Hetki to the client component.
import Shop from './shop'

export default function Page() {
  return (
    <main>
      <h1>Shop</h1>
      <Shop />
    </main>
  )
}

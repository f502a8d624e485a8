export default function Page() {
  return (
    <main>
      <h1>Help article</h1>
      <p>How to move your contract to a new home.</p>
    </main>
  )
}

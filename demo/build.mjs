// Writes the demo site's pages (demo/site/*.html and demo/site/fi/*.html, not in git) from their
// own part, demo/pages/<page>.html (a `<!-- title: … -->` line, then its `<main>`), and what every
// page shares, written once here: the head (one script tag for Hetki, the page's script and
// stylesheet, nothing inline: the pages run under the demo server's strict CSP), the navigation and
// the end of `<main>` (the status line and what the demo is, with its reset button).
// Run by `npm run build` (so `npm start` and the end-to-end tests have them); static files after
// that, served by the collector like any site. `node demo/build.mjs --check` says whether they are
// up to date without writing.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))

/** The pages in navigation order, and each language's words for the site and its pages. */
const PAGES = ['index', 'help', 'move', 'invoices']
const LANGUAGES = {
  en: {
    folder: '/',
    brand: 'Voltti Energy',
    names: ['Order', 'Help centre', 'Moving home', 'Invoices'],
    switchTo: 'fi',
    switchLabel: 'Suomeksi',
    about: ['A demo of Hetki: one script tag, and <code>hetki.track()</code> where the page knows', 'something happened. Each survey shows once per person.'],
    reset: { label: 'Reset my state', status: 'Your survey state was reset on this device.', after: ' to be asked again.' },
  },
  fi: {
    folder: '/fi/',
    brand: 'Voltti Energia',
    names: ['Tilaus', 'Ohjeet', 'Muutto', 'Laskut'],
    switchTo: 'en',
    switchLabel: 'In English',
    about: [
      'Hetkin demo: yksi script-tagi, ja <code>hetki.track()</code> siellä, missä sivu tietää jotain',
      'tapahtuneen. Kukin kysely näytetään kerran henkilöä kohden.',
    ],
    reset: { label: 'Nollaa tilani', status: 'Kyselytilasi nollattiin tällä laitteella.', after: ', niin sinulta kysytään uudelleen.' },
  },
}

const href = (lang, page) => LANGUAGES[lang].folder + (page === 'index' ? '' : page + '.html')
/** A link to a page in another language than this page's says so, for screen readers and search engines. */
const link = (to, label, from, other) => `<a href="${to}"${other === from ? '' : ` lang="${other}" hreflang="${other}"`}>${label}</a>`

/**
 * The end of every page's `<main>`: the status line the page's buttons write to (demo.js), and
 * what the demo is, with the button that resets the visitor's survey state (#reset, demo.js).
 */
const ending = ({ about, reset }) => `  <p id="status" role="status"></p>
  <hr />
  <p class="muted">
${about.map((line) => '    ' + line + '\n').join('')}    <button id="reset" type="button" class="link" data-status="${reset.status}">${reset.label}</button>${reset.after}
  </p>
`

/** One page: the shared head and navigation around its own `<main>`, which gets the shared ending. */
export function render(lang, page, source) {
  const { brand, names, switchTo, switchLabel } = LANGUAGES[lang]
  const [, title, own] = /^<!-- title: (.*) -->\n([\s\S]*)<\/main>\n$/.exec(source) ?? []
  if (!own) throw new Error(`demo/pages: ${lang} ${page} must start with <!-- title: … --> and end with </main>`)
  const main = own + ending(LANGUAGES[lang]) + '</main>\n'
  const nav = [
    ...PAGES.map((p, i) => link(href(lang, p), names[i], lang, lang)),
    // The results app speaks English.
    link('/app/', 'Results', lang, 'en'),
    link(href(switchTo, page), switchLabel, lang, switchTo),
  ].join(' · ')
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${brand} — ${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/demo.css" />
    <script async src="/hetki/hetki.js" data-config="/hetki.json"></script>
    <script defer src="/demo.js"></script>
  </head>
  <body>
    <header><strong>${brand}</strong> <nav aria-label="Demo">${nav}</nav></header>
${main.replace(/^(?=.)/gm, '    ')}  </body>
</html>
`
}

/** Every page as [file under demo/site, its HTML]. */
export function pages() {
  return Object.keys(LANGUAGES).flatMap((lang) => {
    const dir = here('./pages/' + (lang === 'en' ? '' : lang + '/'))
    const sources = new Set(readdirSync(dir).filter((f) => f.endsWith('.html')))
    for (const page of PAGES) if (!sources.delete(page + '.html')) throw new Error(`demo/pages: no ${lang} ${page}.html`)
    if (sources.size) throw new Error(`demo/pages: ${[...sources].join(', ')} not in the navigation (demo/build.mjs)`)
    return PAGES.map((page) => [(lang === 'en' ? '' : lang + '/') + page + '.html', render(lang, page, readFileSync(dir + page + '.html', 'utf8'))])
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check')
  const stale = []
  for (const [file, html] of pages()) {
    const path = here('./site/' + file)
    let old = ''
    try {
      old = readFileSync(path, 'utf8')
    } catch {}
    if (old === html) continue
    stale.push(file)
    if (!check) {
      mkdirSync(here('./site/fi'), { recursive: true })
      writeFileSync(path, html)
    }
  }
  if (check && stale.length) {
    console.error('demo/site is not up to date: ' + stale.join(', ') + ' (run node demo/build.mjs)')
    process.exit(1)
  }
}

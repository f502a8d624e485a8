/**
 * The overlay's stylesheet, adopted by its shadow root: constructable stylesheets are not inline
 * styles, so they work under `style-src 'self'`. `!important` on `:host` wins over hostile page
 * rules (the widget's styles.ts says why). Bottom left, below the widget, whose popover and bar
 * sit bottom right and along the bottom.
 */
const CSS = `
:host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;position:fixed!important;left:12px!important;bottom:12px!important;top:auto!important;right:auto!important;z-index:2147482999!important;max-width:calc(100vw - 24px)!important}
*{box-sizing:border-box}
[hidden]{display:none!important}
.panel{width:400px;max-width:100%;background:#fff;color:#1b1b1f;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;border:1px solid #5f6368;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.25);text-align:start}
.folded{width:auto}
.head{display:flex;align-items:center;gap:8px;padding:4px}
button,a{font:inherit;color:inherit}
button{cursor:pointer;min-height:28px;padding:2px 10px;border:1px solid #5f6368;border-radius:6px;background:#f3f4f6}
button:hover{background:#e5e7eb}
.toggle{flex:1;border:0;background:transparent;text-align:start;font-weight:600}
.count{color:#4a4d55;font-weight:400}
.body{max-height:min(65vh,560px);overflow:auto;padding:0 12px 12px;border-top:1px solid #d0d3d8}
h2{margin:12px 0 4px;font-size:13px;font-weight:700}
h3{display:inline;margin:0;font-size:13px;font-weight:600}
details{border-top:1px solid #e3e5e8;padding:6px 0}
summary{cursor:pointer;min-height:24px}
.state{display:block;margin-inline-start:16px}
.shown{color:#0b6b2f}
.blocked{color:#a50e0e}
.waiting{color:#7a4f00}
ul{margin:4px 0;padding-inline-start:18px}
li{margin:2px 0}
.pass::marker{content:"✓ ";color:#0b6b2f}
.fail::marker{content:"✗ ";color:#a50e0e}
p{margin:4px 0}
.muted{color:#4a4d55}
.error{color:#a50e0e;font-weight:600}
.warning{color:#7a4f00;font-weight:600}
code{font:12px ui-monospace,monospace}
a{color:#1a5fd6;min-height:24px;display:inline-block}
:focus-visible{outline:2px solid #1a5fd6;outline-offset:2px}
`

/** Gives the shadow root the overlay's styles; without constructable stylesheets, a `<style>` element. */
export function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(CSS)
    root.adoptedStyleSheets = [sheet]
  } catch {
    const style = document.createElement('style')
    style.textContent = CSS
    root.append(style)
  }
}

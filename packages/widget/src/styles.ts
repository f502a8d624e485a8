/**
 * The widget's stylesheet. `!important` on `:host` matters: for important declarations the shadow
 * tree wins over the page, so hostile page rules such as `* { all: unset !important }` cannot
 * hide or unposition the prompt. Sizes are in px because `rem` follows the host page's root font.
 */
export const CSS = `
:host{all:initial!important;display:block!important;position:fixed!important;z-index:2147483000!important;right:16px!important;bottom:16px!important;left:auto!important;top:auto!important;max-width:calc(100vw - 32px)!important;visibility:visible!important;opacity:1!important}
*{box-sizing:border-box}
.card{position:relative;width:360px;max-width:100%;padding:16px 20px 20px;border-radius:12px;background:var(--hetki-bg,#fff);color:var(--hetki-fg,#1b1b1f);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;box-shadow:0 8px 30px rgba(0,0,0,.2);border:1px solid rgba(0,0,0,.08)}
h2{margin:0 32px 12px 0;font-size:16px;font-weight:600}
.scale{display:flex;gap:6px;flex-wrap:wrap}
.scale button{flex:1 0 32px;min-width:32px;min-height:40px;border-radius:8px;border:1px solid var(--hetki-border,#5f6368);background:transparent;color:inherit;font:inherit;font-weight:600;cursor:pointer}
.scale button:hover{background:var(--hetki-hover,#eef1f6)}
.ends{display:flex;justify-content:space-between;margin-top:6px;font-size:13px;color:var(--hetki-muted,#4a4d55)}
.close{position:absolute;top:8px;right:8px;width:32px;height:32px;border:0;border-radius:8px;background:transparent;color:inherit;font:20px/1 system-ui,sans-serif;cursor:pointer}
.close:hover{background:var(--hetki-hover,#eef1f6)}
button:focus-visible{outline:3px solid var(--hetki-focus,#1a5fd6);outline-offset:2px}
.thanks{margin:4px 32px 0 0;font-weight:600}
.thanks:empty{margin:0}
@media (prefers-color-scheme:dark){.card{background:var(--hetki-bg,#1f2126);color:var(--hetki-fg,#f2f3f5);border-color:#3a3d45}.scale button{border-color:var(--hetki-border,#9aa0a6)}.ends{color:var(--hetki-muted,#c4c7cc)}.scale button:hover,.close:hover{background:var(--hetki-hover,#2c2f36)}button:focus-visible{outline-color:var(--hetki-focus,#8ab4f8)}}
@media (prefers-reduced-motion:no-preference){.card{animation:hetki-in .18s ease-out}}
@keyframes hetki-in{from{opacity:0;transform:translateY(8px)}}
`

/**
 * Constructable stylesheets are not inline styles, so they work under `style-src 'self'` with no
 * nonce; the `<style>` element is the fallback for browsers without them.
 */
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

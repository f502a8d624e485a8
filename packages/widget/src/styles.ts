import type { Theme } from '../../sdk/src/pure/config/types'

/** The dark palette, used by `mode: dark` and by `auto` when the system prefers dark; each colour can be themed as `dark-<name>`. */
const DARK =
  '--bg:var(--hetki-dark-bg,#1f2126);--fg:var(--hetki-dark-fg,#f2f3f5);--muted:var(--hetki-dark-muted,#c4c7cc);--line:var(--hetki-dark-line,#9aa0a6);--hover:var(--hetki-dark-hover,#2c2f36);--accent:var(--hetki-dark-accent,#8ab4f8);--on-accent:var(--hetki-dark-on-accent,#111318);border-color:#3a3d45'

/**
 * The widget's stylesheet. `!important` on `:host` matters: for important declarations the shadow
 * tree wins over the page, so hostile page rules such as `* { all: unset !important }` cannot
 * hide or unposition the prompt. Sizes are in px because `rem` follows the host page's root font.
 * Placement and direction come from the host's `data-placement` and `dir` attributes; the corner
 * is logical (`inset-inline`), so right to left puts it bottom left, and the bottom sheet's physical
 * `left`/`right` override it at the same specificity in either direction.
 */
export const CSS = `
:host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;contain:layout!important}
:host([data-placement=popover]),:host([data-placement=bar]){position:fixed!important;z-index:var(--hetki-z,2147483000)!important;bottom:calc(var(--hetki-lift,0px) + 16px)!important;top:auto!important;inset-inline:auto 16px!important;max-width:calc(100vw - 32px)!important}
:host([data-placement=bar]){left:0!important;right:0!important;bottom:var(--hetki-lift,0px)!important;max-width:none!important}
:host([data-placement=inline]){position:static!important;margin:16px 0!important}
*{box-sizing:border-box}
.card{--bg:var(--hetki-bg,#fff);--fg:var(--hetki-fg,#1b1b1f);--muted:var(--hetki-muted,#4a4d55);--line:var(--hetki-line,#5f6368);--hover:var(--hetki-hover,#eef1f6);--accent:var(--hetki-accent,#1a5fd6);--on-accent:var(--hetki-on-accent,#fff);position:relative;width:360px;max-width:100%;padding:16px 20px 20px;border-radius:var(--hetki-radius,12px);background:var(--bg);color:var(--fg);font:15px/1.45 var(--hetki-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);box-shadow:0 8px 30px rgba(0,0,0,.2);border:1px solid rgba(0,0,0,.1);text-align:start}
.dark{${DARK}}
@media (prefers-color-scheme:dark){.auto{${DARK}}}
:host(:not([data-placement=inline])) .card{max-height:calc(var(--hetki-vh,100vh) - 16px);overflow-y:auto}
:host([data-placement=bar]) .card{width:100%;border-radius:0;border-width:1px 0 0;padding-inline:max(20px,calc(50% - 300px),env(safe-area-inset-left));padding-bottom:max(20px,env(safe-area-inset-bottom))}
:host([data-placement=inline]) .card{box-shadow:none;width:auto;max-width:520px}
h2{margin:0 0 12px;margin-inline-end:32px;font-size:16px;font-weight:600}
.step{margin:0 0 4px;font-size:13px;color:var(--muted)}
.pick{display:flex;gap:4px}
button{font:inherit;color:inherit;cursor:pointer}
.pick button{flex:1 1 0;min-width:24px;min-height:40px;padding:4px 0;border-radius:8px;border:1px solid var(--line);background:transparent;font-weight:600}
.pick button:hover,.close:hover{background:var(--hover)}
.long{gap:3px}.long button{font-size:14px}
svg{flex:none;width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:1.5;stroke-linecap:round;stroke-linejoin:round}
.emoji svg{display:block;margin:auto;width:28px;height:28px}
.stars button{font-size:26px;line-height:1;font-weight:400;border-color:transparent;color:var(--line)}
.stars:hover button,.stars:focus-within button{color:var(--accent)}
.stars button:hover~button,.stars button:focus~button{color:var(--line)}
.feel{flex-direction:column}
.feel button{display:flex;align-items:center;gap:10px;min-height:38px;padding:4px 12px;font-weight:500;text-align:start}
.feel span{font-size:22px;line-height:1;font-family:"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji",sans-serif}
.ends{display:flex;justify-content:space-between;gap:12px;margin-top:6px;font-size:13px;color:var(--muted)}
.close{position:absolute;top:8px;inset-inline-end:8px;width:32px;height:32px;border:0;border-radius:8px;background:transparent;font:20px/1 system-ui,sans-serif}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.options{display:flex;flex-direction:column;gap:2px}
.option{display:flex;align-items:center;gap:10px;min-height:36px;cursor:pointer}
.option input{width:20px;height:20px;margin:2px;accent-color:var(--accent)}
.field{display:block;width:100%;margin-top:8px;padding:8px 10px;border:1px solid var(--line);border-radius:8px;background:var(--bg);color:inherit;font:inherit;resize:vertical}
.row{display:flex;align-items:center;justify-content:space-between;gap:12px}
.limit{font-size:13px;color:var(--muted)}
.submit{display:block;min-height:40px;margin-top:12px;margin-inline-start:auto;padding:0 20px;border:0;border-radius:8px;background:var(--accent);color:var(--on-accent);font-weight:600}
.thanks{margin:4px 0 0;margin-inline-end:32px;font-weight:600}
.sr{position:absolute;width:1px;height:1px;margin:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.link{display:inline-block;margin-top:8px;color:var(--accent);min-height:24px}
@media (max-width:480px){:host([data-placement=popover]){left:0!important;right:0!important;bottom:var(--hetki-lift,0px)!important;max-width:none!important}.card{width:100%;padding-inline:12px}:host([data-placement=popover]) .card{padding-inline:max(12px,env(safe-area-inset-left));padding-bottom:max(20px,env(safe-area-inset-bottom));border-radius:var(--hetki-radius,12px) var(--hetki-radius,12px) 0 0}.pick{gap:2px}}
@media (pointer:coarse){.pick button,.option,.submit,.field{min-height:44px}.close{top:6px;inset-inline-end:6px;width:44px;height:44px}h2,.thanks{margin-inline-end:40px}.link{min-height:44px;padding-top:12px}}
@media (pointer:coarse),(max-width:480px){.long{flex-wrap:wrap;justify-content:center;gap:4px}.long button{flex:0 0 calc((100% - 4px*(var(--cols) - 1))/var(--cols));font-size:16px}}
@media (prefers-reduced-motion:no-preference){:host(:not([data-placement=inline])) .card{animation:hetki-in .18s ease-out}}
@keyframes hetki-in{from{opacity:0;transform:translateY(8px)}}
`

let shared: CSSStyleSheet | undefined

/** Theme keys become `--hetki-<key>`; a key is a plain name, and a value is set through CSSOM, never spliced into CSS text. */
const THEME_KEY = /^[a-z][a-z0-9-]{0,31}$/

/**
 * Constructable stylesheets are not inline styles, so they work under `style-src 'self'` with no
 * nonce; the `<style>` element is the fallback for browsers without them. The theme gets a sheet
 * of its own with one `:host` rule whose custom properties are set one by one.
 */
export function adoptStyles(root: ShadowRoot, theme: Theme | undefined): void {
  let themeSheet: CSSStyleSheet | null
  try {
    if (!shared) (shared = new CSSStyleSheet()).replaceSync(CSS)
    themeSheet = new CSSStyleSheet()
    root.adoptedStyleSheets = [shared, themeSheet]
  } catch {
    const style = document.createElement('style')
    style.textContent = CSS
    root.append(style)
    themeSheet = style.sheet
  }
  if (!themeSheet || !theme || typeof theme !== 'object') return
  const rule = themeSheet.cssRules[themeSheet.insertRule(':host{}', themeSheet.cssRules.length)] as CSSStyleRule
  for (const [key, value] of Object.entries(theme))
    if (key !== 'mode' && THEME_KEY.test(key) && typeof value === 'string') rule.style.setProperty('--hetki-' + key, value)
}

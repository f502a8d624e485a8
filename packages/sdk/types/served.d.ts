// Types of the files of @hetki/sdk that are served rather than imported by an app: the script tag
// build (`hetki.js`, which installs `window.hetki`) and the lazy chunks the core imports by itself
// (`hetki-engine.js`, `hetki-widget.js`, `hetki-delivery.js`, `hetki-sources.js`,
// `hetki-debug.js`). Their exports, if any, are between Hetki's own files and may change in any
// release: the API is the package's main entry, `@hetki/sdk`.
export {}

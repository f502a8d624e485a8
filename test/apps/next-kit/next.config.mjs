// A static export: `next build` writes the whole site to out/, served as plain files.
export default {
  output: 'export',
  // The test links next, react and react-dom from the repository's node_modules into the app.
  turbopack: { root: '/' },
}

// A plain webpack 5 production build: no copy plugin, no rule for Hetki, no publicPath.
export default (dir) => ({
  mode: 'production',
  context: dir,
  entry: './src/shop.js',
  output: { path: dir + '/dist', clean: true },
})

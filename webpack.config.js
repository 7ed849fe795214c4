/**
 * Builds the add-in (task pane, ribbon function file, command dialog) and the offline demo
 * (demo page + simulated office.js) into dist/. esbuild-loader compiles TypeScript with
 * tsconfig.json (module ESNext, moduleResolution bundler) so Fluent UI tree-shakes.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const fixture = path.resolve(__dirname, '..', 'shared', 'fixtures', 'wenxian-2023-q3-input.xlsx');

/** Dev server certificate: office-addin-dev-certs' files when present, else webpack's own self-signed one. */
function httpsServer() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = ['localhost.key', 'localhost.crt', 'ca.crt'].map((f) => path.join(dir, f));
  if (files.every((f) => fs.existsSync(f))) {
    return { type: 'https', options: { key: fs.readFileSync(files[0]), cert: fs.readFileSync(files[1]), ca: fs.readFileSync(files[2]) } };
  }
  return 'https';
}

const CSP =
  "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

module.exports = (env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      dialog: './src/commands/dialog.ts',
      demo: './src/demo/index.tsx',
      'sim-office': './src/demo/simOffice.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      // Keep the CLI bundle (scripts/build-cli.mjs writes dist/cli.cjs) and the WPS build (dist/wps, dist/wps-demo).
      clean: { keep: /^(cli\.|wps)/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', jsx: 'automatic', tsconfig: path.resolve(__dirname, 'tsconfig.json') },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'dialog.html', template: './src/commands/dialog.html', chunks: ['dialog'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'demo.html', template: './src/demo/demo.html', chunks: ['demo'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          // The real fixture for the demo, when the shared folder is beside the repo.
          { from: fixture, to: 'fixtures/[name][ext]', noErrorOnMissing: true },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: httpsServer(),
      headers: { 'Access-Control-Allow-Origin': '*', 'Content-Security-Policy': CSP },
      static: { directory: path.resolve(__dirname, 'dist') },
      hot: false,
      liveReload: true,
    },
  };
};

module.exports.CSP = CSP;

/**
 * Builds the add-in (task pane, ribbon function file, command dialog) and the demo (demo page +
 * simulated office.js) into dist/, and the offline edition, one self-contained page, into
 * dist/offline/scorecard.html (second configuration below). esbuild-loader compiles TypeScript
 * with tsconfig.json (module ESNext, moduleResolution bundler) so Fluent UI tree-shakes.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const { GriffelCSSExtractionPlugin } = require('@griffel/webpack-extraction-plugin');
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

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  loader: 'esbuild-loader',
  options: { target: 'es2020', jsx: 'automatic', tsconfig: path.resolve(__dirname, 'tsconfig.json') },
};

/**
 * The demo's first workbook as a prebuilt snapshot (fixtures/<name>.json and a data block in
 * demo.html: grids and sheet visibility), made by the same code the page runs on an opened file, so the demo starts
 * without loading exceljs in the browser. Skipped when the shared fixture is not beside the repo.
 */
class FixtureSnapshotPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FixtureSnapshotPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: 'FixtureSnapshotPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        if (!fs.existsSync(fixture)) return;
        compilation.fileDependencies.add(fixture);
        const esbuild = require('esbuild');
        const built = esbuild.buildSync({
          stdin: {
            contents:
              "import { Book } from './src/xlsx/read'; import { snapshotOfBook } from './src/demo/xlsx';\n" +
              'export async function snapshot(bytes) { return snapshotOfBook(await Book.open(bytes)); }',
            resolveDir: __dirname,
            loader: 'ts',
          },
          bundle: true,
          platform: 'node',
          format: 'cjs',
          external: ['exceljs'],
          write: false,
          logLevel: 'silent',
        });
        const file = path.join(__dirname, 'fixture-snapshot.cjs');
        const m = new Module(file, module);
        m.filename = file;
        m.paths = Module._nodeModulePaths(__dirname);
        m._compile(built.outputFiles[0].text, file);
        const snapshot = await m.exports.snapshot(fs.readFileSync(fixture));
        const name = `fixtures/${path.basename(fixture, '.xlsx')}.json`;
        compilation.emitAsset(name, new webpack.sources.RawSource(JSON.stringify(snapshot)));
        this.json = JSON.stringify(snapshot);
      });
      // The snapshot (3 KB) also goes into demo.html as a data block, so the page shows the
      // workbook and opens the pane without waiting for a second request. "<" is escaped so no
      // text in a cell can end the block; a JSON block is data, not a script the policy must allow.
      this.json = null;
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('FixtureSnapshotPlugin', (data) => {
        if (data.outputName === 'demo.html' && this.json) {
          const block = `<script type="application/json" id="fixture-snapshot">${this.json.replace(/</g, '\\u003c')}</script>`;
          data.html = data.html.replace('</body>', () => `${block}</body>`);
        }
        return data;
      });
    });
  }
}

/**
 * Turns the offline bundle into one page: the template with the script inline (and its license
 * notices as a comment in it), the policy's script-src naming the script's SHA-256, and no other
 * file left beside it. "</script" and "<!--" inside the code are escaped so the HTML parser
 * cannot end the script early; both escapes mean the same in every JavaScript string or regex.
 */
class InlineOfflinePagePlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { template, script, filename } = this.options;
    // After webpack has written the bundle, so the page carries exactly the bytes that were hashed
    // (rewriting the asset during processAssets left the page's code and its hash apart).
    compiler.hooks.afterEmit.tap('InlineOfflinePagePlugin', (compilation) => {
      compilation.fileDependencies.add(template);
      const dir = compilation.outputOptions.path;
      const names = fs.readdirSync(dir).filter((name) => name !== filename);
      if (!names.includes(script)) {
        compilation.errors.push(new webpack.WebpackError(`InlineOfflinePagePlugin: no ${script} to inline`));
        return;
      }
      const licenses = names.filter((name) => name.endsWith('.LICENSE.txt'));
      const others = names.filter((name) => name !== script && !name.endsWith('.LICENSE.txt'));
      if (others.length > 0) {
        compilation.errors.push(new webpack.WebpackError(`InlineOfflinePagePlugin: the offline page must be one file, but the build also made ${others.join(', ')}`));
        return;
      }
      let code = fs.readFileSync(path.join(dir, script), 'utf8');
      code = code.replace(/^\/\*! For license information please see [^*]*\*\/\s*/, '');
      const notices = licenses.map((name) => fs.readFileSync(path.join(dir, name), 'utf8')).join('\n');
      if (notices) code = `/*!\n${notices.replace(/\*\//g, '* /')}\n*/\n${code}`;
      code = code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
      // A lone surrogate (in a library's regex or string) cannot be written as UTF-8: it would
      // become U+FFFD in the file, changing the code and the hash. As an escape it means the same.
      code = code.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
      const hash = crypto.createHash('sha256').update(code, 'utf8').digest('base64');
      let html = fs.readFileSync(template, 'utf8');
      if (!html.includes('<!--SCRIPT-->') || !html.includes('%SCRIPT_HASH%')) {
        compilation.errors.push(new webpack.WebpackError(`InlineOfflinePagePlugin: ${template} lacks <!--SCRIPT--> or %SCRIPT_HASH%`));
        return;
      }
      html = html.replace('%SCRIPT_HASH%', `sha256-${hash}`).replace('<!--SCRIPT-->', () => `<script>${code}</script>`);
      fs.writeFileSync(path.join(dir, filename), html, 'utf8');
      for (const name of [script, ...licenses]) fs.rmSync(path.join(dir, name));
    });
  }
}

/** dist/offline/scorecard.html: one self-contained page, every script and style inline. */
function offlineConfig(production) {
  return {
    name: 'offline',
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the page's policy allows its one script and nothing else.
    devtool: false,
    entry: { scorecard: './src/offline/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist', 'offline'),
      filename: '[name].js',
      publicPath: '',
      // Dynamic imports (exceljs, the pane's dialog) stay in the one bundle: their modules are
      // evaluated only when first imported, so a file opened, not the page, pays for exceljs.
      asyncChunks: false,
      // The page is written after emit (below); webpack would otherwise keep or compare stale files.
      clean: true,
      compareBeforeEmit: false,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: { rules: [tsRule] },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new InlineOfflinePagePlugin({ template: path.resolve(__dirname, 'src', 'offline', 'scorecard.html'), script: 'scorecard.js', filename: 'scorecard.html' }),
    ],
  };
}

/**
 * The add-in's styles as one stylesheet, made at build time: Griffel evaluates every makeStyles
 * (ours and Fluent's, which ship precompiled) and the extraction plugin moves the CSS rules out
 * of the scripts. The pane then starts without Griffel's style engine, the token table or the
 * rules as JavaScript strings, and the browser reads the CSS as CSS. The offline page keeps the
 * runtime styles: it must stay one file.
 */
const griffelRules = [
  { test: /\.(js|mjs|ts|tsx)$/, include: [path.resolve(__dirname, 'src'), /[\\/]node_modules[\\/]@fluentui[\\/]/], use: { loader: GriffelCSSExtractionPlugin.loader } },
  // After esbuild-loader (loaders of matching rules run last to first): Griffel reads plain JavaScript.
  { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: '@griffel/webpack-loader' } },
  tsRule,
  { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
];

function mainConfig(production) {
  return {
    name: 'addin',
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
      // Keep the CLI bundle (scripts/build-cli.mjs writes dist/cli.cjs), the WPS build (dist/wps, dist/wps-demo)
      // and the offline page (its own build).
      clean: { keep: /^(cli\.|wps|offline[\\/])/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: { rules: griffelRules },
    performance: { hints: false },
    plugins: [
      new MiniCssExtractPlugin({ filename: '[name].css', chunkFilename: '[name].[contenthash:8].css', ignoreOrder: true }),
      new GriffelCSSExtractionPlugin(),
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
      new FixtureSnapshotPlugin(),
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
}

module.exports = (env, argv) => {
  const production = argv.mode !== 'development';
  return [mainConfig(production), offlineConfig(production)];
};

module.exports.CSP = CSP;

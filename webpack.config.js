// Two bundles from one source tree: the Excel add-in (dist/addin) and the Apps Script
// project (dist/gas). Production URLs: AGEBUCKET_BASE_URL=https://example.org/agebucket/ npm run build
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const GasPlugin = require('gas-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const TerserPlugin = require('terser-webpack-plugin');
const { createHash } = require('node:crypto');

const DEV_URL = 'https://localhost:3000/';
const fs = require('node:fs');
const paneCss = fs.readFileSync(path.join(__dirname, 'src/pane/pane.css'), 'utf8');
// The letter preview's frame (a srcdoc) inherits the pane's policy: its one <style> is allowed by hash.
const letterPreviewCss = fs.readFileSync(path.join(__dirname, 'src/pane/letterPreview.css'), 'utf8');

function baseUrl() {
  const url = process.env.AGEBUCKET_BASE_URL ?? DEV_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

const typescript = (target) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { target, module: 'es2020', noEmit: false, jsx: 'react-jsx', jsxImportSource: 'preact' } } },
});

// The pane's Content-Security-Policy (taskpane.html: the pane in Excel, and Preview outside
// Office). Scripts come only from the add-in's own origin and office.js's; no eval, no inline
// script or style except the page's own, each allowed by its hash, computed here from the page
// as emitted (after minification). Nothing else is fetched: no images, fonts, frames or
// connections. A .docx or .eml download is a navigation to a blob: URL, which no directive
// governs. README, "Reliability", says why each directive is there.
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
const CSP_PLACEHOLDER = '__AGEBUCKET_CSP__';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function inlineHashes(html, tag) {
  const hashes = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))) {
    if (/\bsrc=/i.test(match[1] ?? '')) continue;
    hashes.push(sha256(match[2] ?? ''));
  }
  return hashes;
}

function panePolicy(html) {
  return [
    "default-src 'none'",
    ["script-src 'self'", OFFICE_JS_ORIGIN, ...inlineHashes(html, 'script')].join(' '),
    ["style-src 'self'", ...inlineHashes(html, 'style'), sha256(letterPreviewCss)].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const contentSecurityPolicy = {
  // At the last stage, on the page as written to dist/: whatever minified it before, the hashes
  // are of the script and style texts the browser will read.
  apply: (compiler) =>
    compiler.hooks.thisCompilation.tap('ContentSecurityPolicy', (compilation) =>
      compilation.hooks.processAssets.tap(
        { name: 'ContentSecurityPolicy', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const page = compilation.getAsset('taskpane.html');
          const html = page?.source.source().toString() ?? '';
          if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`taskpane.html has no Content-Security-Policy meta (${CSP_PLACEHOLDER})`);
          // The hashes are of the page without its policy: the meta holds no script or style.
          const filled = html.replace(new RegExp(`content=("?)${CSP_PLACEHOLDER}\\1`), `content="${panePolicy(html)}"`);
          if (filled.includes(CSP_PLACEHOLDER)) throw new Error('taskpane.html: the Content-Security-Policy meta was not filled in');
          compilation.updateAsset('taskpane.html', new compiler.webpack.sources.RawSource(filled));
        },
      ),
    ),
};

const addin = {
  name: 'addin',
  mode: 'production',
  devtool: 'source-map',
  entry: {
    functions: './addin/functions.ts',
    taskpane: './addin/taskpane.ts',
  },
  output: { path: path.resolve(__dirname, 'dist/addin'), filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: { rules: [typescript('es2019'), { test: /\.csv$/, type: 'asset/source' }, { test: /\.css$/, type: 'asset/source' }] },
  performance: { hints: false },
  plugins: [
    new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './addin/functions.ts' }),
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './addin/taskpane.html',
      // The shared runtime: the functions run in the task pane's page, so it loads them too.
      chunks: ['functions', 'taskpane'],
      scriptLoading: 'blocking',
      inject: 'body',
      paneCss,
      cspPlaceholder: CSP_PLACEHOLDER,
    }),
    contentSecurityPolicy,
    new CopyWebpackPlugin({
      patterns: [
        { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
        { from: 'addin/functions-fr.json', to: 'functions-fr.json' },
        {
          from: 'manifest.xml',
          to: 'manifest.xml',
          transform: (content) => content.toString().split(DEV_URL).join(baseUrl()),
        },
      ],
    }),
  ],
};

const gas = {
  name: 'gas',
  mode: 'production',
  devtool: false,
  entry: { Code: './gas/main.ts' },
  // Not cleaned here: the sidebar build writes into the same folder (npm run build empties dist first).
  output: { path: path.resolve(__dirname, 'dist/gas'), filename: '[name].js', clean: false },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: { rules: [typescript('es2019'), { test: /\.css$/, type: 'asset/source' }] },
  performance: { hints: false },
  optimization: {
    minimize: true,
    minimizer: [
      new TerserPlugin({
        extractComments: false,
        // Sheets reads @customfunction from the JSDoc of each top-level function.
        terserOptions: { format: { comments: /@customfunction|@OnlyCurrentDoc/ } },
      }),
    ],
  },
  plugins: [new GasPlugin(), new CopyWebpackPlugin({ patterns: [{ from: 'appsscript.json', to: 'appsscript.json' }] })],
};

/** The sidebar: the pane's bundle inlined into one HTML file, as HtmlService serves it. */
const sidebar = {
  name: 'sidebar',
  mode: 'production',
  devtool: false,
  entry: { sidebar: './gas/sidebar.ts' },
  output: { path: path.resolve(__dirname, 'dist/gas'), filename: '[name].js', clean: false },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: { rules: [typescript('es2019'), { test: /\.css$/, type: 'asset/source' }] },
  performance: { hints: false },
  plugins: [
    // HtmlService serves this one file and no other: code loaded on demand (ExcelJS, for an
    // imported .xlsx) stays inside its script instead of a chunk fetched from nowhere.
    new (require('webpack').optimize.LimitChunkCountPlugin)({ maxChunks: 1 }),
    new HtmlWebpackPlugin({ filename: 'Sidebar.html', template: './gas/sidebar.html', inject: false, minify: false, paneCss }),
    {
      // The script lives inside Sidebar.html: the separate file would be pushed for nothing.
      apply: (compiler) =>
        compiler.hooks.thisCompilation.tap('DropInlinedScript', (compilation) =>
          compilation.hooks.processAssets.tap({ name: 'DropInlinedScript', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () =>
            compilation.deleteAsset('sidebar.js'),
          ),
        ),
    },
  ],
};

module.exports = [addin, gas, sidebar];

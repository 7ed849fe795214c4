// Architecture rules (issue #12), checked by `npm run lint:deps` (run by `npm run lint`).
// Each folder of src/ may import only the folders named here; nothing may form a cycle.
// The core is the domain: it imports nothing of the project but itself, and nothing of
// Node, the DOM, React, Office, WPS or exceljs.
/** folder -> the folders of src/ it may import (besides itself). */
const ALLOWED = {
  core: [],
  i18n: ['core'],
  host: ['core', 'i18n'],
  excel: ['core', 'i18n', 'host'],
  wps: ['core', 'i18n', 'host', 'excel'],
  xlsx: ['core', 'i18n', 'host'],
  docx: ['core', 'i18n'],
  // The simulated ET is checked against the ET model the WPS adapter declares (src/wps/et.ts).
  sim: ['core', 'i18n', 'wps'],
  cli: ['core', 'i18n', 'host', 'xlsx', 'docx'],
  taskpane: ['core', 'i18n', 'host', 'docx'],
  commands: ['core', 'i18n', 'host', 'excel', 'wps'],
  // The demo and offline pages put a simulated or file-backed host beside the real pane.
  demo: ['core', 'i18n', 'host', 'excel', 'sim', 'xlsx', 'docx', 'taskpane', 'commands'],
  offline: ['core', 'i18n', 'host', 'excel', 'sim', 'xlsx', 'docx', 'taskpane', 'commands', 'demo'],
};

const FOLDERS = Object.keys(ALLOWED);

/**
 * Entry points that put a host and the UI together (composition roots): the pane's entry picks
 * the Excel or the WPS host, the WPS ribbon and pane entries reuse the ribbon commands and the pane,
 * and the simulated WPS demo page shows the pane beside a grid.
 */
const ROOTS = ['^src/taskpane/index\\.tsx$', '^src/wps/(main|pane)\\.ts$', '^src/sim/wps/demo/'];
const ROOT_ALLOWED = ['core', 'i18n', 'host', 'excel', 'wps', 'sim', 'taskpane', 'commands', 'demo', 'xlsx', 'docx'];

const folderRules = FOLDERS.map((folder) => ({
  name: `${folder}-imports`,
  comment: `src/${folder} may import only ${ALLOWED[folder].length ? ALLOWED[folder].join(', ') : 'itself'} of the project`,
  severity: 'error',
  from: { path: `^src/${folder}/`, pathNot: ROOTS },
  to: { path: '^src/', pathNot: [`^src/(${[folder, ...ALLOWED[folder]].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'modules import each other in a cycle at run time (type-only imports vanish when compiled)',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'the core knows no host, no Node, no UI library',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-host-packages',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: 'node_modules/(exceljs|react|react-dom|@fluentui|docx|jszip|saxes|wps-jsapi)/' },
    },
    {
      name: 'unknown-folder',
      severity: 'error',
      comment: 'every folder of src/ has its allowed edges declared in .dependency-cruiser.cjs',
      from: { path: '^src/', pathNot: [`^src/(${FOLDERS.join('|')})/`, '^src/[^/]+$'] },
      to: {},
    },
    ...folderRules,
    {
      name: 'roots-imports',
      severity: 'error',
      comment: 'composition roots may import any folder that makes the product, never the CLI',
      from: { path: ROOTS },
      to: { path: '^src/', pathNot: [`^src/(${ROOT_ALLOWED.join('|')})/`] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules|test-output)/' },
  },
};

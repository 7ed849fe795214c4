/** Node entry of the command line, bundled to dist/cli.cjs by scripts/build-cli.mjs. */
export { runCli } from './run';
export { EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE, type CliIo, type CliDeps, type JsonReport } from './main';
export { nodeFileSystem, writeFileAtomic, type CliFileSystem } from './files';

// Run by scripts/build.mjs right after bundling (dist/precompile-scenarios.mjs):
// validates the bundled scenarios once and ships the results beside the
// bundle, so the first start after an install reads no YAML.
import { loadScenarioText } from '../scenario/load.js';
import { scenarioFiles } from '../scenario/read.js';
import { BUILD_ID } from './build-id.js';
import { bundledScenarios } from './paths.js';
import { precompileScenarios, shippedCacheDir } from './scenario-cache.js';

if (!BUILD_ID) throw new Error('precompile-scenarios runs from the bundle (npm run build)');
const ids = precompileScenarios(scenarioFiles([bundledScenarios()]), shippedCacheDir(), BUILD_ID, loadScenarioText);
process.stdout.write(`validated ${ids.length} bundled scenarios into ${shippedCacheDir()}\n`);

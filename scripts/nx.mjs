// `node scripts/nx.mjs <nx args>`: Nx with NX_NO_CLOUD and NX_DAEMON=false set, for the root npm scripts.
import { nx } from './run-nx.mjs';

nx(process.argv.slice(2));

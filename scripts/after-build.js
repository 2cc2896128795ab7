// The bin must be executable after every build, including on a fresh clone.
import {chmodSync} from 'node:fs';
chmodSync(new URL('../dist/source/cli.js', import.meta.url), 0o755);

// The bin must be executable after every build, including on a fresh clone;
// and the stamp tells `prepare` (scripts/prepare.js) the build is done.
import {chmodSync, writeFileSync} from 'node:fs';
chmodSync(new URL('../dist/source/cli.js', import.meta.url), 0o755);
writeFileSync(new URL('../dist/.build-stamp', import.meta.url), `${new Date().toISOString()}\n`);

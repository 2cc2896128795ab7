// Preloaded (node -r) when svg-term-cli draws the demo. Its svg-term 1.x
// renders with its own React 16, but the styling helper it uses,
// @stiligita/react, requires 'react' without declaring it, so Node hands it
// this project's React 19, whose elements React 16 cannot render ("Unknown
// element-like object type"). Here that one require gets svg-term's React.
const Module = require('node:module');
const path = require('node:path');

const svgTerm = path.dirname(require.resolve('svg-term/package.json', {paths: [path.dirname(require.resolve('svg-term-cli/package.json'))]}));
const react16 = require.resolve('react', {paths: [svgTerm]});
const stiligita = `${path.sep}@stiligita${path.sep}`;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
	if (request === 'react' && parent?.filename?.includes(stiligita)) return react16;
	return resolve.call(this, request, parent, ...rest);
};

#!/usr/bin/env node
/**
 * `shoreline …` (`npx shoreline`, `npm run sim --`): runs the command line compiled to plain
 * JavaScript, compiling it first when a source has changed since the cached build (src/cli/bundle.cjs).
 * CommonJS, as everything it loads: Node's ES module loader would add ~40 ms to every command.
 */
'use strict';
const { cliBundle, freshCliBundle, loadWithCodeCache } = require('../src/cli/bundle.cjs');

const fresh = freshCliBundle();
if (fresh !== undefined) loadWithCodeCache(fresh);
else cliBundle().then(loadWithCodeCache);

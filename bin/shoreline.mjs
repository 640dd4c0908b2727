#!/usr/bin/env node
/**
 * `shoreline …` (`npx shoreline`, `npm run sim --`): runs the command line compiled to plain
 * JavaScript, compiling it first when a source has changed since the cached build (src/cli/bundle.mjs).
 */
import { cliBundle, loadWithCodeCache } from '../src/cli/bundle.mjs';

loadWithCodeCache(await cliBundle());

/**
 * The README's fit chart: `npx tsx scripts/calibration-chart.ts fit.json docs/calibration-fit.svg`
 * (src/calibrate/fit-chart.ts draws it; the app shows the same drawing for an opened fit file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fitChartSvg, isFitFile } from '../src/calibrate/fit-chart';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: calibration-chart.ts <fit.json> <out.svg>');
const file: unknown = JSON.parse(readFileSync(input, 'utf8'));
if (!isFitFile(file)) throw new Error(`${input}: not a calibrate --fit file`);
writeFileSync(output, fitChartSvg(file));

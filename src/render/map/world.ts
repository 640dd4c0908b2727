/**
 * The world's land, drawn once per size into a 2D canvas under the transparent Pixi canvas. Natural
 * Earth's 1:110m land (world-atlas, TopoJSON, 21 kB gzipped) is imported here, and this module is only
 * reached through the map scene's dynamic import: a page that never shows the map never loads it.
 *
 * Why a DOM canvas rather than a Pixi sprite: the browser composites a static canvas for free, while
 * a full-screen textured quad costs every frame on a software renderer (same reason as the DOM regions
 * of src/render/scene.ts).
 */
import { geoGraticule10, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land110m from 'world-atlas/land-110m.json';
import type { MapFrame } from './geo';

const LAND = feature(
  land110m as unknown as Topology<{ land: GeometryCollection }>,
  (land110m as unknown as Topology<{ land: GeometryCollection }>).objects.land,
);
const GRATICULE = geoGraticule10();

export const OCEAN = '#0b1a2e';
export const LAND_FILL = '#2b5266';
export const LAND_EDGE = '#4b8198';

/** Draws ocean, graticule and land for `frame` into `canvas` (sized in CSS pixels × `ratio`). */
export function drawWorld(
  canvas: HTMLCanvasElement,
  frame: MapFrame,
  width: number,
  height: number,
  ratio: number,
): void {
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = '#0b1220';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = OCEAN;
  ctx.fillRect(frame.x, frame.y, frame.w, frame.h);
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.x, frame.y, frame.w, frame.h);
  ctx.clip();
  const path = geoPath(frame.projection, ctx);
  ctx.beginPath();
  path(GRATICULE);
  ctx.strokeStyle = 'rgba(148, 163, 184, 0.08)';
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.beginPath();
  path(LAND);
  ctx.fillStyle = LAND_FILL;
  ctx.fill();
  ctx.strokeStyle = LAND_EDGE;
  ctx.lineWidth = 0.6;
  ctx.stroke();
  ctx.restore();
}

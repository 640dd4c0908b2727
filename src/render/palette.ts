/**
 * Colours of the live view, shared by the canvas and the page's legend so they always agree.
 * Chosen to stay distinguishable on the dark canvas: green = free, channel colours = working,
 * yellow = after-contact work, grey = leaving/off, red = abandoned.
 */
import { AGENT_BUSY, AGENT_IDLE, AGENT_LEAVING, AGENT_OFF, AGENT_WRAP } from '../sim/snapshot';
import type { ChannelKind } from '../sim/scenario';

export const CHANNEL_COLOR: Record<ChannelKind, number> = {
  voice: 0x3b82f6,
  chat: 0x14b8a6,
  email: 0xe879f9,
  social: 0xf97316,
};

export const STATE_COLOR = {
  off: 0x2b3545,
  idle: 0x22c55e,
  wrap: 0xfacc15,
  leaving: 0x9ca3af,
  abandoned: 0xef4444,
} as const;

export const BACKGROUND = 0x0b1220;
export const REGION_FILL = 0x131d2e;
export const REGION_CLOSED_FILL = 0x0f1622;
export const REGION_LINE = 0x2a3a55;
export const TEXT = 0xe5e7eb;
export const TEXT_DIM = 0x94a3b8;

export const LOCATION_COLOR: Record<string, number> = {
  onshore: 0x60a5fa,
  nearshore: 0x34d399,
  offshore: 0xfbbf24,
};

export function cssColor(c: number): string {
  return `#${c.toString(16).padStart(6, '0')}`;
}

/** Scales an RGB colour's brightness by f (0–1). */
export function shade(color: number, f: number): number {
  const r = Math.round(((color >> 16) & 0xff) * f);
  const g = Math.round(((color >> 8) & 0xff) * f);
  const b = Math.round((color & 0xff) * f);
  return (r << 16) | (g << 8) | b;
}

/**
 * Tint of one agent. A busy agent takes its channel's colour; an agent of a concurrent channel (chat)
 * is brighter the more contacts it holds, from about half brightness with one to full when at its limit.
 */
export function agentTint(
  state: number,
  load: number,
  channels: readonly { kind: ChannelKind; concurrency: number }[],
): number {
  switch (state) {
    case AGENT_OFF:
      return STATE_COLOR.off;
    case AGENT_IDLE:
      return STATE_COLOR.idle;
    case AGENT_WRAP:
      return STATE_COLOR.wrap;
    case AGENT_LEAVING:
      return STATE_COLOR.leaving;
  }
  const ch = channels[state - AGENT_BUSY];
  if (!ch) return STATE_COLOR.leaving;
  const base = CHANNEL_COLOR[ch.kind];
  if (ch.concurrency <= 1) return base;
  const held = Math.min(Math.max(load, 1), ch.concurrency);
  return shade(base, 0.45 + (0.55 * held) / ch.concurrency);
}

/**
 * When a live view draws. While the run plays: every animation frame, as contacts move between
 * snapshots. Otherwise only when something changed (a new snapshot, a resize, the view shown again):
 * one frame, then more only while contacts already on their way are still travelling (`draw` says
 * so), and then none. Nothing is drawn while the view is out of sight — hidden by the view switch, its
 * tab in the background (document.visibilityState) or scrolled off the screen (IntersectionObserver);
 * what changed meanwhile is drawn once it is back.
 *
 * Why: drawn at display rate, a paused view cost about half a core with a software renderer (a
 * laptop's browser without GPU acceleration; headless Chromium's SwiftShader), taken from the compare
 * panel's workers and the battery. The floor (scene.ts, Pixi with its ticker never started) and the
 * map (map/map-scene.ts, 2D canvases) both draw through one of these.
 */
import { type Snapshot } from '../sim/snapshot';

export class DrawLoop {
  private rafId = 0;
  private playing = false;
  private dirty = true;
  /** contacts still travelling after the last frame */
  private moving = false;
  private shown = true;
  private pageVisible = true;
  private onScreen = true;
  private lastFrame = 0;
  private fpsNow = 0;
  private framesDrawn = 0;
  private readonly io: IntersectionObserver | null;

  /** `draw(now)` draws one frame at `now` (performance.now()) and says whether anything is still moving. */
  constructor(
    element: HTMLElement,
    private readonly draw: (now: number) => boolean,
  ) {
    this.pageVisible = document.visibilityState !== 'hidden';
    document.addEventListener('visibilitychange', this.onVisibility);
    this.io =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            const last = entries[entries.length - 1];
            if (last) this.set('onScreen', last.isIntersecting);
          })
        : null;
    this.io?.observe(element);
  }

  /** Something on the picture changed: draw it (once the view is in sight). */
  invalidate(): void {
    this.dirty = true;
    this.schedule();
  }

  /** The run plays: draw every frame (contacts move between snapshots). */
  setPlaying(playing: boolean): void {
    this.playing = playing;
    this.schedule();
  }

  /** The view switch shows or hides this view. */
  setShown(shown: boolean): void {
    this.set('shown', shown);
  }

  /** frames drawn so far (the tests and the bench count them) */
  get frames(): number {
    return this.framesDrawn;
  }

  /** frames per second while frames follow one another; 0 when nothing is drawing */
  get fps(): number {
    return this.fpsNow;
  }

  destroy(): void {
    this.unschedule();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.io?.disconnect();
  }

  private readonly onVisibility = (): void => this.set('pageVisible', document.visibilityState !== 'hidden');

  private set(key: 'shown' | 'pageVisible' | 'onScreen', value: boolean): void {
    this[key] = value;
    if (this.visible()) this.schedule();
    else this.unschedule();
  }

  private visible(): boolean {
    return this.shown && this.pageVisible && this.onScreen;
  }

  private wantsFrames(): boolean {
    return this.visible() && (this.playing || this.moving || this.dirty);
  }

  private schedule(): void {
    if (!this.rafId && this.wantsFrames()) this.rafId = requestAnimationFrame(this.tick);
  }

  private unschedule(): void {
    if (this.rafId) cancelAnimationFrame(this.rafId);
    this.rafId = 0;
    this.lastFrame = 0;
    this.fpsNow = 0;
  }

  private readonly tick = (t: number): void => {
    this.rafId = 0;
    if (this.lastFrame > 0 && t > this.lastFrame) {
      const now = 1000 / (t - this.lastFrame);
      this.fpsNow = this.fpsNow > 0 ? this.fpsNow * 0.9 + now * 0.1 : now;
    }
    this.lastFrame = t;
    this.dirty = false;
    this.framesDrawn++;
    this.moving = this.draw(performance.now());
    if (this.wantsFrames()) this.rafId = requestAnimationFrame(this.tick);
    else this.unschedule();
  };
}

/** Whether two snapshots hold the same state (a paused run sends the same one again and again). */
export function sameSnapshot(a: Snapshot | null, b: Snapshot): boolean {
  return (
    a !== null &&
    a.nSites === b.nSites &&
    a.nGroups === b.nGroups &&
    a.nChannels === b.nChannels &&
    sameArray(a.data, b.data) &&
    sameArray(a.agentState, b.agentState) &&
    sameArray(a.agentGroup, b.agentGroup) &&
    sameArray(a.agentLoad, b.agentLoad)
  );
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  // NaN equals NaN here: a figure not defined yet is the same in both
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && (a[i] === a[i] || b[i] === b[i])) return false;
  return true;
}

/**
 * No lost work: the app state (scenario, seed, moved sliders, compare variants — AppState from
 * ./compare/state) is kept in localStorage under a versioned key, saved shortly after each change,
 * and restored on load. A `#s=<encodeState(state)>` link in the address takes precedence over what
 * is stored.
 *
 * Nothing restored is trusted: stored text and links pass the same checks as a scenario file (size,
 * nesting, JSON, then validateAppState, which runs every scenario through the schema). Anything that
 * fails is ignored with a message for the page to show — never thrown. Storage that is missing,
 * blocked or full is reported the same way.
 *
 * No DOM here (Storage is passed in), so it is unit-tested in Node with a fake Storage.
 */
import { findExcessiveNesting, MAX_NESTING_DEPTH } from '../scenario/validate';
import { decodeState } from '../share/url-state';
import { validateAppState, type AppState } from './compare/state';

/** The storage key; its suffix is the stored format's version (AppState.version). */
export const STORAGE_KEY = 'shoreline.state.v1';
export const STATE_VERSION = 1;
/** Saves wait this long after the last change, so a dragged slider is written once. */
export const SAVE_DEBOUNCE_MS = 400;
/** Stored text longer than this is not even parsed (browsers allow about 5 MB per origin). */
export const MAX_STORED_CHARS = 12_000_000;
/** The fragment of a shareable link: `#s=<encodeState(AppState)>`. */
export const LINK_PREFIX = '#s=';

export type Restored =
  | { kind: 'none' }
  | { kind: 'ok'; state: AppState }
  /** `message` is a sentence for the page */
  | { kind: 'bad'; message: string };

/** The page's localStorage, or null where it is missing or blocked (privacy settings, sandboxed frames). */
export function openStorage(get: () => Storage = () => window.localStorage): Storage | null {
  try {
    const storage = get();
    storage.getItem(STORAGE_KEY); // some browsers only throw on first use
    return storage;
  } catch {
    return null;
  }
}

function summary(problems: readonly string[], max = 3): string {
  const shown = problems.slice(0, max).join('; ');
  return problems.length > max ? `${shown}; and ${problems.length - max} more` : shown;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Stored text → AppState, or the reason it cannot be used. */
export function parseStoredText(text: string): { ok: true; state: AppState } | { ok: false; reason: string } {
  if (text.length > MAX_STORED_CHARS)
    return { ok: false, reason: `it is too large (${text.length.toLocaleString('en-US')} characters)` };
  if (findExcessiveNesting(text, MAX_NESTING_DEPTH) !== undefined)
    return { ok: false, reason: `it is nested more than ${MAX_NESTING_DEPTH} levels deep` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `it is not valid JSON (${errorText(e)})` };
  }
  return checkState(value);
}

function checkState(value: unknown): { ok: true; state: AppState } | { ok: false; reason: string } {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const version = (value as { version?: unknown }).version;
    if (version !== STATE_VERSION)
      return {
        ok: false,
        reason: `it was saved by another version of Shoreline (format ${JSON.stringify(version) ?? 'none'}; this one reads ${STATE_VERSION})`,
      };
  }
  const result = validateAppState(value);
  return result.ok ? result : { ok: false, reason: `it is not valid: ${summary(result.problems)}` };
}

/** What localStorage holds for the app: nothing, a usable state, or a message saying why not. */
export function readStoredState(storage: Storage | null): Restored {
  if (!storage) return { kind: 'none' };
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch (e) {
    return { kind: 'bad', message: `Your saved work could not be read (${errorText(e)}).` };
  }
  if (text === null) return { kind: 'none' };
  const parsed = parseStoredText(text);
  if (parsed.ok) return { kind: 'ok', state: parsed.state };
  return { kind: 'bad', message: `Your saved work was ignored: ${parsed.reason}.` };
}

/** The state of a `#s=` link in `hash` (location.hash): none if it is not such a link. */
export async function readLinkState(hash: string): Promise<Restored> {
  if (!hash.startsWith(LINK_PREFIX)) return { kind: 'none' };
  let value: unknown;
  try {
    value = await decodeState(decodeURIComponent(hash.slice(LINK_PREFIX.length)));
  } catch (e) {
    return { kind: 'bad', message: `This link could not be opened: ${errorText(e)}.` };
  }
  const checked = checkState(value);
  if (checked.ok) return { kind: 'ok', state: checked.state };
  return { kind: 'bad', message: `This link could not be opened: ${checked.reason}.` };
}

export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

export interface SaverEvents {
  /** a save failed; `message` is a sentence for the page */
  error(message: string): void;
  /** a save succeeded (after an error: the page can take the message down) */
  saved?(): void;
}

/**
 * Writes the state to storage, debounced: schedule() after every change, flush() when the page is
 * hidden or closed. On a full storage the stale entry is removed, so a reload never brings back an
 * older state than the one the planner last saw, and the page is told.
 */
export class StateSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private get: (() => AppState | null) | null = null;
  private failed = false;

  constructor(
    private readonly storage: Storage | null,
    private readonly on: SaverEvents,
    private readonly delayMs = SAVE_DEBOUNCE_MS,
  ) {}

  /** Saves `get()` once no change came for delayMs. */
  schedule(get: () => AppState | null): void {
    this.get = get;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Saves a pending change now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const get = this.get;
    this.get = null;
    const state = get?.();
    if (state) this.save(state);
  }

  /** Writes at once; false (and a message to the page) if it could not. */
  save(state: AppState): boolean {
    if (!this.storage) return false;
    const text = JSON.stringify(state);
    try {
      if (text.length > MAX_STORED_CHARS) {
        throw Object.assign(new Error('state too large'), { name: 'QuotaExceededError' });
      }
      this.storage.setItem(STORAGE_KEY, text);
    } catch (e) {
      try {
        this.storage.removeItem(STORAGE_KEY);
      } catch {
        // nothing more to do: the message below says the work is not kept
      }
      this.failed = true;
      const what = isQuotaError(e)
        ? `the browser's storage is full (this state is ${(text.length / 1e6).toFixed(1)} MB)`
        : errorText(e);
      this.on.error(
        `Your work could not be saved for the next visit: ${what}. It stays in this tab; ` +
          'copy a link or download the scenario to keep it.',
      );
      return false;
    }
    if (this.failed) {
      this.failed = false;
      this.on.saved?.();
    }
    return true;
  }
}

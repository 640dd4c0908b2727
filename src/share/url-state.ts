/**
 * App state in a shareable URL: JSON, deflated (CompressionStream, built into browsers and Node 18+)
 * and base64url-encoded into the fragment, e.g. `#s=v1.<data>`. The fragment never reaches a server,
 * and a scenario with sliders and a few variants fits in a few kilobytes.
 *
 * Decoding is defensive: a truncated, tampered or oversized link gives a clear error, never a hang or
 * a polluted prototype (the JSON goes through the same reviver-free parse and the caller validates
 * the scenario with the schema before using it).
 */
const PREFIX = 'v1.';
/** Decompressed size limit: a link should never expand into more than this. */
export const MAX_STATE_BYTES = 5_000_000;

export async function encodeState(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const deflated = await pipe(bytes, new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(deflated);
}

export async function decodeState(text: string): Promise<unknown> {
  if (!text.startsWith(PREFIX)) throw new Error('not a Shoreline link (unknown format)');
  let raw: Uint8Array;
  try {
    raw = fromBase64Url(text.slice(PREFIX.length));
  } catch {
    throw new Error('the link is damaged (not base64url)');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(raw, new DecompressionStream('deflate-raw'), MAX_STATE_BYTES),
    );
  } catch (e) {
    throw new Error(`the link is damaged or too large (${e instanceof Error ? e.message : String(e)})`, {
      cause: e,
    });
  }
  return JSON.parse(json);
}

async function pipe(
  input: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array> {
  const stream = new Blob([input as BlobPart]).stream().pipeThrough(transform);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`expands beyond ${limit.toLocaleString('en-US')} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('bad character');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

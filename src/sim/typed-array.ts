/** Growing the typed arrays that hold the engine's state (contacts, agents, events). */

export type NumberArray = Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array;

/**
 * A copy of `a` with room for `capacity` elements of the same type; the new elements are `fill`. The
 * caller replaces its reference: the engine keeps no other one across a growth.
 */
export function grown<A extends NumberArray>(a: A, capacity: number, fill = 0): A {
  const b = new (a.constructor as new (n: number) => A)(capacity);
  if (fill !== 0) b.fill(fill);
  b.set(a);
  return b;
}

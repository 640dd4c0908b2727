/** Types of seedrandom's Alea module, which @types/seedrandom declares only as `seedrandom.alea`. */
declare module 'seedrandom/lib/alea' {
  import type seedrandom from 'seedrandom';
  const alea: (typeof seedrandom)['alea'];
  export default alea;
}

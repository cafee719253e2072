/** The part of picomatch's API fixset uses (the package ships no types). */
declare module 'picomatch' {
  interface PicomatchOptions {
    dot?: boolean
  }
  function picomatch(glob: string | string[], options?: PicomatchOptions): (path: string) => boolean
  export default picomatch
}

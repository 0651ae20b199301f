// Path spelling shared by the CLI and the language server.

/** Forward slashes everywhere, so output is the same on Windows and POSIX. */
export function toForwardSlashes(p: string): string {
  return p.replace(/\\/g, '/');
}

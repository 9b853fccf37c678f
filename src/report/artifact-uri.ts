import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where a report points for a file: a URI reference below the base, or an absolute `file:` URI. */
export interface ArtifactUri {
  readonly uri: string;
  /** Set when `uri` is relative to the directory the report was made in. */
  readonly uriBaseId?: string;
}

/** The base a relative URI is resolved against: the directory speclint ran in (SARIF's usual name). */
export const SOURCE_ROOT = '%SRCROOT%';

/**
 * A file below `cwd` becomes a relative URI with forward slashes, each segment percent-encoded
 * (spaces, `%`, `#`, `?` and non-ASCII letters included); any other file becomes a `file:` URI.
 */
export function artifactUri(filename: string, cwd: string): ArtifactUri {
  const absolute = resolve(cwd, filename);
  const below = relative(cwd, absolute);
  if (below === '' || below === '..' || below.startsWith(`..${sep}`) || isAbsolute(below)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: below.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** The `file:` URI of a directory, with the trailing slash that makes it usable as a base. */
export function directoryUri(directory: string): string {
  const href = pathToFileURL(resolve(directory)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

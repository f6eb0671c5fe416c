import { extname } from 'node:path';
import { supportedMimeTypes, type FileTypeResult } from 'file-type';
import { AppError } from '../../utils/errors.js';

/**
 * Which files are accepted, decided from their content. file-type reads the magic bytes; the name and
 * the content-type the client sent are only cross-checked: a PNG sent as "photo.png" or with no type
 * is fine, a text file named "x.png" or sent as image/png is refused (415), as is any allowed type
 * whose name or declared type says otherwise.
 */

/** Bytes read before deciding: enough for file-type to tell every format it knows. */
export const SNIFF_BYTES = 4100;

/** Types the browser may render inline: raster images, which cannot run script. Everything else downloads. */
export const INLINE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

// Formats that are a compatible extension of a more common one: an animated PNG is still a PNG.
const COMPATIBLE: Readonly<Record<string, { mime: string; ext: string }>> = {
  'image/apng': { mime: 'image/png', ext: 'png' },
};

// Other spellings clients use for a type, as a declared content-type and as a file extension.
const DECLARED_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['image/jpg', 'image/pjpeg'],
  'image/png': ['image/x-png', 'image/apng'],
  'application/pdf': ['application/x-pdf'],
};
const EXTENSION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  jpg: ['jpeg', 'jpe', 'jfif'],
  png: ['apng'],
  tif: ['tiff'],
  mp4: ['m4v'],
};

// What clients send when they do not know the type (browsers, for an unknown extension): no claim to check.
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** MIME types in `types` that cannot be recognised from content, so could never be accepted. */
export function undetectableTypes(types: readonly string[]): string[] {
  const known = new Set<string>(supportedMimeTypes);
  return types.filter((type) => !known.has(type));
}

export interface DecidedType {
  mime: string;
  /** Extension of stored objects of this type (file-type's canonical one). */
  ext: string;
}

export interface ClientClaims {
  /** The part's content-type header, as sent. */
  declaredType: string | undefined;
  fileName: string | undefined;
}

function unsupported(message: string): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', message);
}

/** The accepted type of a file whose content was detected as `detected`, or a 415 saying why not. */
export function decideType(detected: FileTypeResult | undefined, claims: ClientClaims, allowed: ReadonlySet<string>): DecidedType {
  const allowedList = [...allowed].join(', ');
  if (detected === undefined) {
    throw unsupported(`The file's content is not of a recognised type; allowed: ${allowedList}`);
  }
  const compatible = COMPATIBLE[detected.mime];
  const type = allowed.has(detected.mime) || compatible === undefined ? detected : compatible;
  if (!allowed.has(type.mime)) {
    throw unsupported(`Files of type ${detected.mime} are not allowed; allowed: ${allowedList}`);
  }

  const declared = (claims.declaredType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!UNDECLARED.has(declared) && declared !== type.mime && !(DECLARED_ALIASES[type.mime] ?? []).includes(declared)) {
    throw unsupported(`The file's content is ${type.mime}, but it was sent as ${declared}`);
  }

  const extension = extname(claims.fileName ?? '').slice(1).toLowerCase();
  if (extension !== '' && extension !== type.ext && !(EXTENSION_ALIASES[type.ext] ?? []).includes(extension)) {
    throw unsupported(`The file's content is ${type.mime}, but its name ends in .${extension}`);
  }
  return { mime: type.mime, ext: type.ext };
}

/**
 * File names: what is kept of the client's name, and how it is sent back. The name is never used as
 * a storage key or a path; it only comes back in `content-disposition` so a download gets a sensible name.
 */

const MAX_NAME_LENGTH = 255;
// C0/C1 controls, and bidirectional overrides that make "evil\u202Egnp.exe" display as "evilexe.png".
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The last path segment of `raw`, without control or direction characters, at most 255 characters. */
export function sanitizeFileName(raw: string | undefined, fallbackExtension: string): string {
  const base = (raw ?? '').split(/[/\\]/).at(-1) ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE_CHARACTERS, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return `file.${fallbackExtension}`;
  const characters = Array.from(cleaned);
  if (characters.length <= MAX_NAME_LENGTH) return cleaned;
  // Too long: keep the extension, shorten the stem (by code points, so no surrogate pair is split).
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return Array.from(cleaned.slice(0, cleaned.length - extension.length)).slice(0, MAX_NAME_LENGTH - extension.length).join('') + extension;
}

// RFC 8187 attr-char: what may appear unencoded in filename*; encodeURIComponent leaves a few more.
const encodeExtValue = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * RFC 6266: `filename` is a plain-ASCII fallback for old clients (anything else, quotes, backslashes
 * and % become "_"); `filename*` carries the exact name in UTF-8, and clients that know it prefer it.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

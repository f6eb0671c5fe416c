/**
 * Small files whose magic bytes file-type recognises, built in memory. Only the first bytes decide a
 * type, so `padded` makes any of them as large as a test needs without changing what it is.
 */

export const SAMPLE_FILES = {
  /** A real 1×1 PNG. */
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  /** A real 1×1 GIF. */
  gif: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  /** A JPEG's start-of-image and JFIF header. */
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  /** A gzip header: recognised (application/gzip), but not an allowed type by default. */
  gzip: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]),
  /** Plain text: no magic bytes at all. */
  text: Buffer.from('Just some text pretending to be an image.\n'),
  /** SVG is text too: it cannot be recognised from content (and could carry script). */
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
} as const;

/** `file` followed by filler bytes up to `size` bytes in all (the type stays the same). */
export function padded(file: Buffer, size: number): Buffer {
  if (size < file.length) throw new Error(`cannot pad ${file.length} bytes down to ${size}`);
  return Buffer.concat([file, Buffer.alloc(size - file.length, 0x2e)]);
}

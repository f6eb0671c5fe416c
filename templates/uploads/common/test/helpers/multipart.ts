import { randomBytes } from 'node:crypto';

/** Builds multipart/form-data bodies for app.inject(), part by part, exactly as a client would send them. */

export interface FormPart {
  name: string;
  /** Set for a file part. */
  filename?: string;
  /** The part's content-type header; omitted when undefined. */
  contentType?: string;
  content: Buffer | string;
}

export function multipartBody(parts: FormPart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----test-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const headers = [`content-disposition: ${disposition}`, ...(part.contentType === undefined ? [] : [`content-type: ${part.contentType}`])];
    chunks.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A form with one file in the `file` field. */
export function fileForm(content: Buffer | string, filename = 'picture.png', contentType: string | undefined = 'image/png') {
  return multipartBody([{ name: 'file', filename, ...(contentType === undefined ? {} : { contentType }), content }]);
}

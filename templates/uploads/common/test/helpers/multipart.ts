import { randomBytes } from 'node:crypto';
import { type FormPart, multipartPayload } from './request-drafts.js';

/** Builds multipart/form-data bodies for app.inject(), part by part, exactly as a client would send them. */

export type { FormPart };

export function multipartBody(parts: FormPart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----test-${randomBytes(12).toString('hex')}`;
  return { payload: multipartPayload(parts, boundary), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A form with one file in the `file` field. */
export function fileForm(content: Buffer | string, filename = 'picture.png', contentType: string | undefined = 'image/png') {
  return multipartBody([{ name: 'file', filename, ...(contentType === undefined ? {} : { contentType }), content }]);
}

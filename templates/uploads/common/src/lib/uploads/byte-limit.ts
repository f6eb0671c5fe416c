import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../utils/errors.js';

export class FileTooLargeError extends AppError {
  constructor(readonly maxBytes: number) {
    super('PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes`);
  }
}

/**
 * Passes bytes through, counting them, and fails with 413 as soon as one more than `maxBytes` goes
 * by: the upload stops there instead of being read to its end, and whoever consumes the stream (the
 * storage) sees the error and keeps nothing.
 */
export class ByteLimit extends Transform {
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(new FileTooLargeError(this.maxBytes));
      return;
    }
    callback(null, chunk);
  }
}

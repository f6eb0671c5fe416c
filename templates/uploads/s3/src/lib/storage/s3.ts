import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { AppLogger } from '../logger.js';
import { assertSafeKey, type FileStorage } from './storage.js';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** Unset for AWS itself; the URL of MinIO, R2, Ceph, … otherwise. */
  endpoint?: string | undefined;
  /** `bucket` in the path (http://host/bucket/key), which most S3-compatible servers want, not in the host name. */
  forcePathStyle: boolean;
  /** Prepended to every key, so several apps or environments can share a bucket. */
  keyPrefix: string;
  /** Unset: the SDK's default chain (AWS_* variables, shared config, an instance or task role). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  logger: AppLogger;
}

// Multipart uploads send parts of this size (S3's minimum), one at a time: at most one part of each
// upload is held in memory while it is sent. Smaller files go up in a single PUT.
const PART_SIZE = 5 * 1024 * 1024;

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/** S3 and S3-compatible object storage (MinIO, Cloudflare R2, Ceph, …) through the AWS SDK v3. */
export class S3Storage implements FileStorage {
  readonly kind = 's3';
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly keyPrefix: string;
  private readonly logger: AppLogger;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.keyPrefix = options.keyPrefix;
    this.logger = options.logger;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      forcePathStyle: options.forcePathStyle,
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
      // Since 3.729 the SDK adds CRC32 checksums to every upload by default (and validates them on
      // download); several S3-compatible services (older MinIO, some R2 and Ceph setups) reject or
      // mangle those requests. Only where an operation requires one, as before; TLS covers transit.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      // Fail instead of hanging on an unreachable or stalled endpoint (readiness, uploads, downloads).
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
  }

  private objectKey(key: string): string {
    assertSafeKey(key);
    return `${this.keyPrefix}${key}`;
  }

  async put(key: string, body: Readable, options: { contentType: string }): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.objectKey(key), Body: body, ContentType: options.contentType },
      partSize: PART_SIZE,
      queueSize: 1,
      // On failure (the body errors: too large, cut off) abort the multipart upload: no parts stay behind.
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      // When that abort fails too, lib-storage reports the abort's error; what happened is the body's.
      const cause = body.errored;
      if (cause !== null && cause !== error) {
        this.logger.warn(
          { err: error, key },
          "could not abort a failed multipart upload: its parts stay until the bucket's lifecycle rule removes them",
        );
        throw cause;
      }
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      if (!(result.Body instanceof Readable)) throw new Error('S3 GetObject did not return a Node.js stream');
      return result.Body;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 whether or not the object existed.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

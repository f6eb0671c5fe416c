/** An uploaded file as the API shows it; the bytes are in the storage under `storageKey`. */
export interface StoredFile {
  id: string;
  /** Random storage name (uuid + extension): never derived from the client's file name. */
  storageKey: string;
  /** Decided from the file's magic bytes, one of UPLOAD_ALLOWED_TYPES. */
  contentType: string;
  size: number;
  /** The client's file name, sanitised; used only in content-disposition. */
  originalName: string;
  /** Null without authentication, or once the owner's account was deleted. */
  ownerId: string | null;
  createdAt: string;
}

export type NewStoredFile = Omit<StoredFile, 'id' | 'createdAt'>;

/**
 * What a caller may do with files; built per request by src/middleware/file-access.ts. `ownerId` is who
 * a new upload belongs to (null when the API has no authentication). Admins, and everyone when there is
 * no authentication, see every file; anyone else only their own.
 */
export type FileAccess = { seesAll: true; ownerId: string | null } | { seesAll: false; ownerId: string };

/** Newest first; the id breaks ties, so the order is total and keyset pages never skip or repeat a row. */
export type FileKeyset = [createdAt: string, id: string];

export interface FileListQuery {
  /** Only this owner's files; undefined lists every file. */
  ownerId?: string | undefined;
  limit: number;
}

export interface FilesRepository {
  create(file: NewStoredFile): Promise<StoredFile>;
  /** The file when it exists and `ownerId` (if given) owns it. */
  findById(id: string, ownerId?: string): Promise<StoredFile | null>;
  /** Deletes and returns the row when it exists and `ownerId` (if given) owns it. */
  delete(id: string, ownerId?: string): Promise<StoredFile | null>;
  listAfter(query: FileListQuery, after: FileKeyset | undefined): Promise<StoredFile[]>;
  listPage(query: FileListQuery, offset: number): Promise<{ rows: StoredFile[]; total: number }>;
}

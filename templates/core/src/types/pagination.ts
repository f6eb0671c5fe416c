export type SortDirection = 'asc' | 'desc';

export interface SortSpec<K extends string> {
  key: K;
  direction: SortDirection;
}

export interface OffsetPagination {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

export interface CursorPagination {
  limit: number;
  hasMore: boolean;
  nextCursor: string | null;
}

export interface Page<T, P extends OffsetPagination | CursorPagination = OffsetPagination | CursorPagination> {
  items: T[];
  pagination: P;
}

import { AppError } from './errors.js';

/**
 * Errors of authentication and authorization. Their messages are deliberately generic: they never
 * say which part of a credential was wrong, and never echo a token or password.
 */

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required') {
    super('UNAUTHORIZED', message);
  }
}

export class TokenExpiredError extends AppError {
  constructor(message = 'Access token has expired') {
    super('TOKEN_EXPIRED', message);
  }
}

/** One message for an unknown email and a wrong password, so neither can be told apart. */
export class InvalidCredentialsError extends AppError {
  constructor() {
    super('INVALID_CREDENTIALS', 'Invalid email or password');
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

/** The route turns `retryAfterSeconds` into the `retry-after` header. */
export class AccountLockedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('ACCOUNT_LOCKED', 'Too many failed logins: this account is temporarily locked');
  }
}

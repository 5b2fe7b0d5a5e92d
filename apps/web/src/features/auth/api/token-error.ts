import { ApiError } from '../../../lib/api-client';

/**
 * A malformed token (cut-off link) fails the API's body validation rather than the token
 * check; for the person holding the link both mean the same: "this link does not work".
 */
export async function withTokenErrors<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.details.some((detail) => detail.field === 'token')) {
      throw new ApiError(error.status, 'TOKEN_INVALID', error.message);
    }
    throw error;
  }
}

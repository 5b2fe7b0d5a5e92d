import type { Request } from 'express';
import type { User } from '../../modules/users/user.entity';

export interface AuthenticatedRequest extends Request {
  user?: User;
  /** SHA-256 of the session token in use, when signed in. */
  sessionTokenHash?: string;
}

import { Injectable } from '@nestjs/common';
import { ListCache } from './list-cache';

/** A list page serialized once, with the ETag browsers revalidate against. */
export interface SerializedPage {
  body: string;
  etag: string;
}

/**
 * The public list's cache, one per process: the queries fill it, every change to what the list
 * shows (a new proposal, a support, an answer, a comment, a moderation) empties it.
 */
@Injectable()
export class ProposalListCache extends ListCache<SerializedPage> {
  constructor() {
    super(2000);
  }
}

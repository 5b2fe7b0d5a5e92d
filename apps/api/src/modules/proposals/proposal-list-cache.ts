import { Injectable } from '@nestjs/common';
import { ProposalSort } from '@app/shared';
import { ListCache } from './list-cache';

/** A list page serialized once (as bytes: a hit is not encoded again), with the ETag browsers revalidate against. */
export interface SerializedPage {
  body: Buffer;
  etag: string;
}

/** Which proposals one list page shows, in order, and how many match the filter in all. */
export interface ListSelection {
  total: number;
  ids: string[];
}

const TTL_MS = 2000;

/**
 * The public list's cache, one per process, in two levels:
 *  - pages: the serialized answer. Every change to what a card shows empties it, a support too.
 *  - selections: which proposals a page shows and the total (the costly part: the filtered count and
 *    the ordered scan). A support changes neither, except the order by supports; so after a support a
 *    page costs one lookup of its 20 rows by id instead of the count and the scan. Every other change
 *    (a new proposal, an answer, a comment, a moderation, a merge) empties both levels.
 * Other API processes see a change after at most the TTL (2 s).
 */
@Injectable()
export class ProposalListCache extends ListCache<SerializedPage> {
  private readonly selections = new ListCache<ListSelection>(TTL_MS);
  /** The order by supports: the one selection a support can change. */
  private readonly selectionsBySupport = new ListCache<ListSelection>(TTL_MS);

  constructor() {
    super(TTL_MS);
  }

  selectionsFor(sort: ProposalSort | undefined): ListCache<ListSelection> {
    return sort === ProposalSort.MostSupported ? this.selectionsBySupport : this.selections;
  }

  override invalidate(): void {
    super.invalidate();
    this.selections.invalidate();
    this.selectionsBySupport.invalidate();
  }

  /** A support was given or withdrawn: the cards' counts change, and the order by supports. */
  supportsChanged(): void {
    super.invalidate();
    this.selectionsBySupport.invalidate();
  }
}

import { Language } from '../enums/languages';
import { commentLanguages, filterCommentThreads, type CommentResponse } from './participation';

const comment = (id: string, language: Language, replies: CommentResponse[] = []): CommentResponse => ({
  id,
  proposalId: 'p',
  parentId: null,
  author: { id: 'a', displayName: 'A' },
  body: id,
  language,
  hidden: false,
  hiddenReason: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  editedAt: null,
  viewer: { isAuthor: false, canEdit: false },
  replies,
});

describe('a discussion in several languages', () => {
  const threads = [
    comment('de-top', Language.German, [comment('tr-reply', Language.Turkish), comment('de-reply', Language.German)]),
    comment('tr-top', Language.Turkish, [comment('ar-reply', Language.Arabic)]),
    comment('ls-top', Language.EasyGerman),
  ];
  const shape = (list: CommentResponse[]) => list.map((c) => [c.id, c.replies.map((r) => r.id)]);

  it('keeps the threads in which somebody wrote in the language, the top-level comment as context', () => {
    expect(shape(filterCommentThreads(threads, Language.Turkish))).toEqual([
      ['de-top', ['tr-reply']],
      ['tr-top', []],
    ]);
    expect(shape(filterCommentThreads(threads, Language.Arabic))).toEqual([['tr-top', ['ar-reply']]]);
    // Leichte Sprache is its own choice, not German.
    expect(shape(filterCommentThreads(threads, Language.German))).toEqual([['de-top', ['de-reply']]]);
    expect(filterCommentThreads(threads, Language.Russian)).toEqual([]);
    // The discussion itself is not changed.
    expect(threads[0].replies).toHaveLength(2);
  });

  it('counts each language, replies included, in the order of the language chooser', () => {
    expect(commentLanguages(threads)).toEqual([
      { language: Language.German, count: 2 },
      { language: Language.EasyGerman, count: 1 },
      { language: Language.Turkish, count: 2 },
      { language: Language.Arabic, count: 1 },
    ]);
    expect(commentLanguages([])).toEqual([]);
  });
});

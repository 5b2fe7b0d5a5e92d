import {
  COMMENT_MAX,
  commentLanguages,
  filterCommentThreads,
  htmlLang,
  isLanguage,
  LANGUAGE_ENDONYMS,
  type CommentResponse,
  type Language,
} from '@app/shared';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ContributionText } from '../../../components/ui/ContributionText';
import { Form } from '../../../components/ui/Form';
import { TextField } from '../../../components/ui/FormField';
import { LanguageSelect, WrittenInField } from '../../../components/ui/LanguageSelect';
import { Loading } from '../../../components/ui/QueryState';
import { ApiError } from '../../../lib/api-client';

import { formatDate } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useForm } from '../../../lib/use-form';
import { translateComment, useCommentActions, useComments } from '../api/comments';
import { withReturnTo } from '../../../lib/return-path';

interface CommentThreadProps {
  proposalId: string;
  signedIn: boolean;
  /** Whether new comments are accepted (open proposals only). */
  canComment: boolean;
  /** Extra actions per comment, e.g. report or moderate; composed by the route. */
  renderActions?: (comment: CommentResponse) => ReactNode;
}

/** Comments in two levels: a comment and its replies; reply, and edit my own within the window. */
export function CommentThread({ proposalId, signedIn, canComment, renderActions }: CommentThreadProps) {
  const { t } = useTranslation();
  const comments = useComments(proposalId);
  const location = useLocation();
  const [language, setLanguage] = useState<Language | ''>('');
  if (comments.isPending) return <Loading />;
  if (comments.error) {
    // Until the comment service is deployed its route answers 404; say so calmly.
    if (comments.error instanceof ApiError && comments.error.status === 404) {
      return <p className="kern-body">{t('comments.unavailable')}</p>;
    }
    return <Alert variant="danger" title={t('common.loadFailed')} />;
  }
  const all = comments.data ?? [];
  // The filter is offered where the discussion is written in more than one language; it narrows the
  // loaded discussion with the same rule as the API's ?language= (filterCommentThreads).
  const languages = commentLanguages(all);
  const filter = language && languages.some((entry) => entry.language === language) ? language : '';
  const items = filter ? filterCommentThreads(all, filter) : all;
  const count = (threads: CommentResponse[]) => threads.reduce((sum, thread) => sum + 1 + thread.replies.length, 0);
  return (
    <div className="comments">
      {all.length === 0 ? <p className="kern-body">{t('comments.empty')}</p> : null}
      {languages.length > 1 ? (
        <div className="comment-filter">
          <LanguageSelect
            id="comment-language-filter"
            label={t('comments.filter.label')}
            value={filter}
            onChange={setLanguage}
            emptyOption={t('comments.filter.all', { total: count(all) })}
            options={languages.map((entry) => ({
              value: entry.language,
              label: `${LANGUAGE_ENDONYMS[entry.language]} (${entry.count})`,
              lang: htmlLang(entry.language),
            }))}
          />
          <p className="kern-body kern-body--small" role="status">
            {filter ? t('comments.filter.shown', { shown: count(items), total: count(all) }) : null}
          </p>
        </div>
      ) : null}
      <ol className="comment-list">
        {items.map((comment) => (
          <li key={comment.id}>
            <CommentItem comment={comment} proposalId={proposalId} canReply={signedIn && canComment} renderActions={renderActions} />
            {comment.replies.length > 0 ? (
              <ol className="comment-list comment-list--replies" aria-label={t('comments.repliesTo', { name: authorName(t, comment) })}>
                {comment.replies.map((reply) => (
                  <li key={reply.id}>
                    <CommentItem comment={reply} proposalId={proposalId} canReply={false} renderActions={renderActions} />
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
      {signedIn && canComment ? (
        <CommentForm id="comment-new" proposalId={proposalId} label={t('comments.new')} />
      ) : !signedIn ? (
        <p className="kern-body">
          <Link className="kern-link" to={withReturnTo('/login', location.pathname)}>
            {t('comments.loginToComment')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function authorName(t: (key: string) => string, comment: CommentResponse): string {
  return comment.author?.displayName ?? t('common.deletedUser');
}

function CommentItem({
  comment,
  proposalId,
  canReply,
  renderActions,
}: {
  comment: CommentResponse;
  proposalId: string;
  canReply: boolean;
  renderActions?: (comment: CommentResponse) => ReactNode;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'reply' | 'edit'>('view');
  const name = authorName(t, comment);
  const translate = useCallback((language: Language) => translateComment(comment.id, language), [comment.id]);
  return (
    <article className="comment" aria-label={t('comments.by', { name })}>
      <p className="kern-body comment__meta">
        <strong>{name}</strong> · <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        {comment.editedAt ? <> · {t('comments.edited')}</> : null}
      </p>
      {comment.hidden ? (
        <p className="kern-body comment__hidden">
          <em>{comment.hiddenReason ? t('comments.hidden', { reason: comment.hiddenReason }) : t('comments.hiddenNoReason')}</em>
        </p>
      ) : mode === 'edit' ? (
        <CommentForm
          id={`comment-edit-${comment.id}`}
          proposalId={proposalId}
          label={t('comments.editLabel')}
          editing={comment}
          onDone={() => setMode('view')}
        />
      ) : (
        <ContributionText
          language={comment.language}
          text={comment.body}
          writtenIn={(language) => t('comments.writtenIn', { language })}
          translate={translate}
          buttonNames={{ translate: t('comments.translate', { name }), showOriginal: t('comments.showOriginal', { name }) }}
          className="comment__body"
        />
      )}
      <div className="comment__actions">
        {canReply && !comment.hidden && mode !== 'reply' ? (
          <Button
            variant="tertiary"
            small
            icon="arrow-forward"
            onClick={() => setMode('reply')}
            aria-label={t('comments.replyButton', { name })}
          >
            {t('comments.reply')}
          </Button>
        ) : null}
        {comment.viewer?.canEdit && !comment.hidden && mode === 'view' ? (
          <Button variant="tertiary" small icon="edit" onClick={() => setMode('edit')} aria-label={t('comments.editOwn')}>
            {t('common.edit')}
          </Button>
        ) : null}
        {!comment.hidden ? renderActions?.(comment) : null}
      </div>
      {mode === 'reply' ? (
        <CommentForm
          id={`comment-reply-${comment.id}`}
          proposalId={proposalId}
          label={t('comments.replyTo', { name })}
          parentId={comment.id}
          onDone={() => setMode('view')}
        />
      ) : null}
    </article>
  );
}

function CommentForm({
  id,
  proposalId,
  label,
  parentId,
  editing,
  onDone,
}: {
  id: string;
  proposalId: string;
  label: string;
  parentId?: string;
  editing?: CommentResponse;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const actions = useCommentActions(proposalId);
  const form = useForm({
    id,
    // Suggested: the language of the page; the author confirms or changes it (kept when editing).
    initialValues: { body: editing?.body ?? '', language: editing?.language ?? currentLanguage() },
    onSubmit: async (values) => {
      const body = values.body.trim();
      const language = isLanguage(values.language) ? values.language : undefined;
      if (editing) await actions.update(editing.id, { body });
      else await actions.create(parentId ? { body, parentId, language } : { body, language });
      form.reset({ body: '', language: values.language });
      onDone?.();
      return { key: editing ? 'comments.saved' : 'comments.posted' };
    },
  });
  return (
    <Form
      form={form}
      submitLabel={editing ? t('common.save') : t('comments.submit')}
      actions={
        onDone ? (
          <Button variant="tertiary" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        ) : undefined
      }
    >
      <TextField
        {...form.field('body', { label, required: true, maxLength: COMMENT_MAX })}
        multiline
        rows={4}
        hint={t('comments.hint', { max: COMMENT_MAX })}
      />
      {editing ? null : <WrittenInField {...form.field('language', { label: t('comments.language'), required: true })} />}
    </Form>
  );
}

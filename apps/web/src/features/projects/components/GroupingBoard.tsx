import type { GroupingBoardResponse, GroupingCandidate, GroupingIdea, LinkProposalRequest } from '@app/shared';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
import { localized } from '../../../lib/localized';
import { useProjectActions } from '../api/projects';
import { formatLocale } from '../../../lib/i18n';

const DRAG_TYPE = 'application/x-grouping-candidate';

const candidateKey = (c: Pick<GroupingCandidate, 'kind' | 'id'>) => `${c.kind}:${c.id}`;

const linkBody = (c: Pick<GroupingCandidate, 'kind' | 'id'>): LinkProposalRequest =>
  c.kind === 'proposal' ? { proposalId: c.id } : { liveProposalId: c.id };

interface Notice {
  message: UiMessage;
  /** Undo of the last move: the idea and the link to remove. */
  undo?: { projectId: string; linkId: string; title: string };
  error?: boolean;
}

/** Focus after a move: the "assign" button now at the same position, else the candidates heading. */
function focusCandidateAt(index: number) {
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-assign]');
  const target = buttons[Math.min(index, buttons.length - 1)] ?? document.getElementById('grouping-candidates-title');
  target?.focus();
}

/** The similarity score as words and per cent, e.g. "Ähnlichkeit 62 %". */
function Similarity({ score }: { score: number }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(formatLocale(i18n.language), { style: 'percent', maximumFractionDigits: 0 }).format(score);
  return <span className="grouping-similarity">{t('projects.grouping.similarity', { percent })}</span>;
}

interface ChooserProps {
  candidate: GroupingCandidate;
  ideas: GroupingIdea[];
  onChoose: (projectId: string) => void;
  onClose: () => void;
}

/** The keyboard way to move: suggested ideas first (with their similarity as text), then all ideas. */
function IdeaChooser({ candidate, ideas, onChoose, onClose }: ChooserProps) {
  const { t } = useTranslation();
  const suggested = candidate.suggestions.filter((s) => ideas.some((idea) => idea.project.id === s.projectId));
  const others = ideas.filter((idea) => !suggested.some((s) => s.projectId === idea.project.id));
  return (
    <Dialog id="idea-chooser" title={t('projects.grouping.chooserTitle', { title: candidate.title })} onClose={onClose}>
      {(close) => {
        const choose = (projectId: string) => {
          onChoose(projectId);
          close();
        };
        return (
          <div className="idea-chooser">
            {ideas.length === 0 ? <p className="kern-body">{t('projects.grouping.noIdeas')}</p> : null}
            {suggested.length > 0 ? (
              <>
                <h3 className="kern-heading-small" id="idea-chooser-suggested">
                  {t('projects.grouping.suggested')}
                </h3>
                <ul className="idea-chooser__list" aria-labelledby="idea-chooser-suggested">
                  {suggested.map((s) => (
                    <li key={s.projectId}>
                      <Button variant="secondary" block onClick={() => choose(s.projectId)}>
                        {s.title} – <Similarity score={s.score} />
                      </Button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {others.length > 0 ? (
              <>
                <h3 className="kern-heading-small" id="idea-chooser-all">
                  {suggested.length > 0 ? t('projects.grouping.otherIdeas') : t('projects.grouping.allIdeas')}
                </h3>
                <ul className="idea-chooser__list" aria-labelledby="idea-chooser-all">
                  {others.map((idea) => (
                    <li key={idea.project.id}>
                      <Button variant="tertiary" block onClick={() => choose(idea.project.id)}>
                        {idea.project.title}
                      </Button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        );
      }}
    </Dialog>
  );
}

function CandidateCard({
  candidate,
  index,
  onAssign,
}: {
  candidate: GroupingCandidate;
  index: number;
  onAssign: (candidate: GroupingCandidate, index: number) => void;
}) {
  const { t } = useTranslation();
  const titleId = `candidate-${candidate.id}-title`;
  const onDragStart = (event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ kind: candidate.kind, id: candidate.id, index }));
    event.dataTransfer.setData('text/plain', candidate.title);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <li className="grouping-candidate kern-card" draggable onDragStart={onDragStart}>
      <div className="kern-card__container">
        <h3 className="kern-title grouping-candidate__title" id={titleId}>
          {candidate.kind === 'proposal' ? (
            <Link className="kern-link" to={`/proposals/${candidate.id}`}>
              {candidate.title}
            </Link>
          ) : (
            candidate.title
          )}
        </h3>
        <p className="kern-body grouping-candidate__meta">
          {candidate.kind === 'live_proposal' ? t('projects.grouping.fromAssembly') : t('projects.grouping.online')}
          {candidate.areaName ? ` · ${candidate.areaName}` : ''} · {t('projects.grouping.supports', { count: candidate.supportCount })}
        </p>
        {candidate.excerpt ? <p className="kern-body grouping-candidate__excerpt">{candidate.excerpt}</p> : null}
        {candidate.suggestions.length > 0 ? (
          <p className="kern-body grouping-candidate__suggestion">
            {t('projects.grouping.fitsTo')}{' '}
            {candidate.suggestions.map((s, i) => (
              <span key={s.projectId}>
                {i > 0 ? '; ' : ''}„{s.title}“ (<Similarity score={s.score} />)
              </span>
            ))}
          </p>
        ) : null}
        <Button
          variant="secondary"
          small
          icon="arrow-forward"
          data-assign={candidateKey(candidate)}
          aria-describedby={titleId}
          aria-haspopup="dialog"
          onClick={() => onAssign(candidate, index)}
        >
          {t('projects.grouping.assign')}
        </Button>
      </div>
    </li>
  );
}

function IdeaCard({
  idea,
  onDropCandidate,
  onUnlink,
}: {
  idea: GroupingIdea;
  onDropCandidate: (projectId: string, data: { kind: GroupingCandidate['kind']; id: string; index: number }) => void;
  onUnlink: (idea: GroupingIdea, linkId: string, title: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [over, setOver] = useState(false);
  const titleId = `idea-${idea.project.id}-title`;
  const accept = (event: DragEvent) => event.dataTransfer.types.includes(DRAG_TYPE);
  return (
    <li
      className={`grouping-idea kern-card${over ? ' is-drop-target' : ''}`}
      data-idea={idea.project.id}
      onDragOver={(event) => {
        if (!accept(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        const raw = event.dataTransfer.getData(DRAG_TYPE);
        if (!raw) return;
        event.preventDefault();
        onDropCandidate(idea.project.id, JSON.parse(raw) as { kind: GroupingCandidate['kind']; id: string; index: number });
      }}
    >
      <div className="kern-card__container">
        <h3 className="kern-title" id={titleId}>
          <Link className="kern-link" to={`/projects/${idea.project.id}`}>
            {idea.project.title}
          </Link>
        </h3>
        <p className="kern-body grouping-candidate__meta">
          {idea.project.fieldOfAction.code} – {localized(idea.project.fieldOfAction.name, i18n.language)}
          {idea.project.areas.length > 0 ? ` · ${idea.project.areas.map((a) => a.name).join(', ')}` : ''}
        </p>
        {idea.proposals.length === 0 ? (
          <p className="kern-body project-muted">{t('projects.grouping.noProposalsYet')}</p>
        ) : (
          <ul className="grouping-idea__proposals" aria-label={t('projects.grouping.ideaProposals', { title: idea.project.title })}>
            {idea.proposals.map((proposal) => (
              <li key={proposal.linkId}>
                {proposal.kind === 'proposal' ? (
                  <Link className="kern-link" to={`/proposals/${proposal.id}`}>
                    {proposal.title}
                  </Link>
                ) : (
                  proposal.title
                )}{' '}
                <Button variant="tertiary" small onClick={() => onUnlink(idea, proposal.linkId, proposal.title)}>
                  {t('projects.grouping.unlink')}
                  <span className="kern-sr-only">: {proposal.title}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/**
 * Proposals on one side, ideas on the other. Moving works by drag and drop and, for keyboard and
 * screen reader users, by the "assign to idea" chooser; every move is announced and can be undone.
 */
export function GroupingBoard({ board }: { board: GroupingBoardResponse }) {
  const { t } = useTranslation();
  const actions = useProjectActions();
  const [choosing, setChoosing] = useState<{ candidate: GroupingCandidate; index: number } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const busy = useRef(false);
  // After a move the moved card disappears with the next board data; focus then goes to its neighbour.
  const pendingFocus = useRef<{ key: string; index: number } | null>(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || board.candidates.some((c) => candidateKey(c) === pending.key)) return;
    pendingFocus.current = null;
    focusCandidateAt(pending.index);
  }, [board.candidates]);

  async function move(candidate: Pick<GroupingCandidate, 'kind' | 'id'> & { title: string }, projectId: string, index: number) {
    if (busy.current) return;
    busy.current = true;
    const idea = board.ideas.find((i) => i.project.id === projectId);
    pendingFocus.current = { key: candidateKey(candidate), index };
    try {
      const updated = await actions.link(projectId, linkBody(candidate));
      const link = updated.proposals.find((p) => p.id === candidate.id && p.kind === candidate.kind);
      setNotice({
        message: { key: 'projects.grouping.moved', params: { proposal: candidate.title, idea: idea?.project.title ?? updated.title } },
        undo: link ? { projectId, linkId: link.linkId, title: candidate.title } : undefined,
      });
    } catch (error) {
      pendingFocus.current = null;
      setNotice({ message: describeError(error).formError, error: true });
    } finally {
      busy.current = false;
    }
  }

  async function unlink(projectId: string, linkId: string, title: string, ideaTitle: string) {
    try {
      await actions.unlink(projectId, linkId);
      setNotice({ message: { key: 'projects.grouping.unlinked', params: { proposal: title, idea: ideaTitle } } });
      setTimeout(() => document.getElementById('grouping-candidates-title')?.focus(), 50);
    } catch (error) {
      setNotice({ message: describeError(error).formError, error: true });
    }
  }

  const candidateTitle = (key: string) => board.candidates.find((c) => candidateKey(c) === key)?.title ?? '';

  return (
    <>
      <div className={`grouping-notice${notice ? ' is-visible' : ''}${notice?.error ? ' is-error' : ''}`}>
        <p className="kern-body grouping-notice__text" role="status" aria-live="polite" id="grouping-announcement">
          {notice ? translateMessage(t, notice.message) : ''}
        </p>
        {notice?.undo ? (
          <Button
            variant="secondary"
            small
            icon="undo"
            onClick={() => {
              const undo = notice.undo;
              if (undo) {
                const idea = board.ideas.find((i) => i.project.id === undo.projectId);
                void unlink(undo.projectId, undo.linkId, undo.title, idea?.project.title ?? '');
              }
            }}
          >
            {t('projects.grouping.undo')}
            <span className="kern-sr-only">: {notice.undo.title}</span>
          </Button>
        ) : null}
      </div>
      <p className="kern-body grouping-help" id="grouping-help">
        {t('projects.grouping.help')}
      </p>
      <div className="grouping-board">
        <section className="grouping-column" aria-labelledby="grouping-candidates-title">
          <h2 className="kern-heading-medium" id="grouping-candidates-title" tabIndex={-1}>
            {t('projects.grouping.candidates', { count: board.candidates.length })}
          </h2>
          {board.candidates.length === 0 ? (
            <p className="kern-body">{t('projects.grouping.noCandidates')}</p>
          ) : (
            <ul className="grouping-list" role="list">
              {board.candidates.map((candidate, index) => (
                <CandidateCard
                  key={candidateKey(candidate)}
                  candidate={candidate}
                  index={index}
                  onAssign={(c, i) => setChoosing({ candidate: c, index: i })}
                />
              ))}
            </ul>
          )}
        </section>
        <section className="grouping-column" aria-labelledby="grouping-ideas-title">
          <h2 className="kern-heading-medium" id="grouping-ideas-title" tabIndex={-1}>
            {t('projects.grouping.ideas', { count: board.ideas.length })}
          </h2>
          {board.ideas.length === 0 ? (
            <p className="kern-body">{t('projects.grouping.noIdeas')}</p>
          ) : (
            <ul className="grouping-list" role="list">
              {board.ideas.map((idea) => (
                <IdeaCard
                  key={idea.project.id}
                  idea={idea}
                  onDropCandidate={(projectId, data) =>
                    void move({ kind: data.kind, id: data.id, title: candidateTitle(candidateKey(data)) }, projectId, data.index)
                  }
                  onUnlink={(i, linkId, title) => void unlink(i.project.id, linkId, title, i.project.title)}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
      {choosing ? (
        <IdeaChooser
          candidate={choosing.candidate}
          ideas={board.ideas}
          onChoose={(projectId) => void move(choosing.candidate, projectId, choosing.index)}
          onClose={() => setChoosing(null)}
        />
      ) : null}
    </>
  );
}

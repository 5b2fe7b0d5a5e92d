export * from './model';
export * from './options';
export * from './registry';
export { yesNoAbstain } from './yes-no-abstain';
export { singleChoice } from './single-choice';
export { maxChoicesOf, multipleChoice } from './multiple-choice';
export { dotVoting } from './dot-voting';
export { normalizePreparedVote } from './prepared';
export * from './translations';

/** How an imported forum's rows are written, the same for both engines. */
import type { ImportedForum, StoredPoll, StoredSubmission } from './types';

export const submissionRow = ({ votes, ...rest }: StoredSubmission) => ({ ...rest, voteCount: votes });
export const pollRow = ({ scale, ...poll }: StoredPoll) => ({ ...poll, scaleMin: scale.min, scaleMax: scale.max });

/** What an import may change of a stored row: everything but its id and where it belongs. */
export const updatable = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;

/** The event row of an imported forum: closed to joining, and always under moderation. */
export const importedEventRow = (event: ImportedForum['event']) => ({ ...event, joinOpen: false, moderation: true });
export const eventUpdate = ({ id: _id, code: _code, displayKey: _key, ...rest }: ImportedForum['event']) => rest;

/**
 * The clerk's six buttons. `pause` is one button that pauses or resumes; `skip` is
 * the hub's name for "Vắng mặt" (no-show).
 */
export const CONSOLE_ACTIONS = ['next', 'recall', 'skip', 'done', 'transfer', 'pause'] as const;
export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];

/** What is actually sent to the hub (`pause` becomes `resume` while paused). */
export type HubCommand = 'next' | 'recall' | 'skip' | 'done' | 'transfer' | 'pause' | 'resume';

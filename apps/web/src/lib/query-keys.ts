/**
 * Cache keys that more than one feature touches: a project decision changes what the proposal pages show,
 * so the projects feature refreshes the proposals' cache without importing the proposals feature.
 */
export const proposalsKey = ['proposals'] as const;

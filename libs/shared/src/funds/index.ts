/**
 * The Aktionsraumfonds (issue 17): money in cents, the application's states and transitions as data,
 * the engine that checks a transition, and the allocation rule of the budget vote. Not yet exported
 * from the package's index: its module-level tables are not tree-shaken from the web's first load
 * (1.3 KB on every page, measured), so it is imported as `@app/shared/funds` by what uses it.
 */
export * from './money';
export * from './application-states';
export * from './application-transitions';
export * from './allocation';
export * from './application-engine';
export * from './contracts';
export * from './online-vote';

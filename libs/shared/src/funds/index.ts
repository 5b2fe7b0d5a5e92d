export * from './money';
export * from './application-states';
export * from './application-transitions';
export * from './allocation';
export * from './application-engine';

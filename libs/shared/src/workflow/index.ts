export * from './states';
export * from './guards';
export * from './evaluation';
export * from './transitions';
export * from './engine';

export * from './enums/roles';
export * from './enums/languages';
export * from './enums/area-type';
export * from './enums/error-codes';
export * from './types/errors';
export * from './types/auth';
export * from './types/users';
export * from './types/reference-data';

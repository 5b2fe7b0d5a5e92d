import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { buildDataSourceOptions, createDataSource } from './data-source-options';

/** Used by the TypeORM CLI (npm run migration:generate|run|revert). */
export default createDataSource(buildDataSourceOptions(loadConfig()));

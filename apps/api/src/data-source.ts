import 'reflect-metadata';
import { loadConfig } from './config/config';
import { buildDataSourceOptions, createDataSource } from './database/data-source-options';
import { SCHEMA } from './entities';

/** Used by the TypeORM CLI (npm run migration:generate|run|revert). */
export default createDataSource(buildDataSourceOptions(loadConfig(), SCHEMA));

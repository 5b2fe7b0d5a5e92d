import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { buildDataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI (npm run migration:generate|run|revert). */
export default new DataSource(buildDataSourceOptions(loadConfig()));

import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
  type ValueTransformer,
} from 'typeorm';
import { IndicatorDirection, TargetComparator } from '@app/shared';
import { timestampColumn, uuidColumn } from '../../database/column-types';
import { Area } from '../areas/area.entity';

/** The pg driver returns bigint as a string, SQLite as a number: both become a number (|v| < 2^53, see INDICATOR_VALUE_MAX_ABS). */
const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** `scope` of a city-wide value (areaId null). */
export const CITY_SCOPE = 'city';

/** One social indicator of the Sozialbericht, e.g. the Arbeitslosenrate. */
@Entity('indicators')
export class Indicator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  key: string;

  @Column({ type: 'varchar', length: 120 })
  nameDe: string;

  @Column({ type: 'varchar', length: 120 })
  nameEn: string;

  @Column({ type: 'varchar', length: 40 })
  unit: string;

  @Column({ type: 'varchar', length: 20 })
  direction: IndicatorDirection;

  @Column({ type: 'text' })
  descriptionDe: string;

  @Column({ type: 'text' })
  descriptionEn: string;

  @Column({ type: 'varchar', length: 300 })
  source: string;

  @Column({ type: 'integer', default: 1 })
  decimals: number;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}

/**
 * One value of an indicator for an area (or the whole city) in a year. `valueScaled` is the value
 * × 10^4 (exact; no floating point drift between import, storage and comparison).
 */
@Entity('indicator_values')
@Index(['indicatorId', 'scope', 'year'], { unique: true })
export class IndicatorValueEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicatorId' })
  indicator: Relation<Indicator>;

  @Index()
  @Column(uuidColumn({ nullable: true }))
  areaId: string | null;

  @ManyToOne(() => Area, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'areaId' })
  area: Relation<Area> | null;

  /** The area's id, or CITY_SCOPE for a city-wide value: NOT NULL, so the unique index covers both. */
  @Column({ type: 'varchar', length: 36 })
  scope: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  valueScaled: number;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}

/** A target for an indicator, city-wide (areaId null) or for one area, e.g. "Arbeitslosenrate below 10 % by 2030". */
@Entity('indicator_targets')
export class IndicatorTargetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column(uuidColumn())
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicatorId' })
  indicator: Relation<Indicator>;

  @Index()
  @Column(uuidColumn({ nullable: true }))
  areaId: string | null;

  @ManyToOne(() => Area, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'areaId' })
  area: Relation<Area> | null;

  @Column({ type: 'varchar', length: 10 })
  comparator: TargetComparator;

  @Column({ type: 'bigint', transformer: bigintNumber })
  valueScaled: number;

  @Column({ type: 'integer' })
  dueYear: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OPEN_DATA_DATASET_IDS,
  type LocalizedText,
  type OpenDataCatalogue,
  type OpenDataDataset,
  type OpenDataDatasetId,
  type OpenDataFile,
  type OpenDataFormat,
  type OpenDataMeta,
} from '@app/shared';

class TextDto implements LocalizedText {
  @ApiProperty() de: string;
  @ApiProperty() en: string;
}

class ContentLicenceDto {
  @ApiProperty({ example: 'Creative Commons Namensnennung 4.0 International (CC BY 4.0)' }) licence: string;
  @ApiProperty({ example: 'https://creativecommons.org/licenses/by/4.0/' }) licenceUrl: string;
  @ApiProperty() attribution: string;
}

export class MetaContentLicenceDto extends ContentLicenceDto {
  @ApiProperty({ type: [String], example: ['title', 'body'] }) columns: string[];
}

class FormatDto implements OpenDataFormat {
  @ApiProperty({ enum: ['csv', 'json'] }) format: 'csv' | 'json';
  @ApiProperty({ enum: ['text/csv', 'application/json'] }) mediaType: 'text/csv' | 'application/json';
  @ApiProperty({ example: '/api/open-data/areas.csv' }) url: string;
}

export class OpenDataDatasetDto implements OpenDataDataset {
  @ApiProperty({ enum: OPEN_DATA_DATASET_IDS }) id: OpenDataDatasetId;
  @ApiProperty({ type: TextDto }) title: TextDto;
  @ApiProperty({ type: TextDto }) description: TextDto;
  @ApiProperty({ example: 'Datenlizenz Deutschland – Zero – Version 2.0 (dl-de/zero-2-0)' }) licence: string;
  @ApiProperty({ example: 'https://www.govdata.de/dl-de/zero-2-0' }) licenceUrl: string;
  @ApiProperty({ type: ContentLicenceDto, nullable: true, description: 'Licence of citizens’ texts in the dataset (proposals)' })
  contentLicence: ContentLicenceDto | null;
  @ApiProperty({ type: [FormatDto] }) formats: FormatDto[];
  @ApiProperty({ type: [String], description: 'CSV columns / JSON keys in order (the CSV adds licence, licenceUrl, generatedAt)' })
  columns: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastModified: string | null;
  @ApiProperty() count: number;
}

export class OpenDataCatalogueDto implements OpenDataCatalogue {
  @ApiProperty() publisher: string;
  @ApiProperty() licence: string;
  @ApiProperty() licenceUrl: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: [OpenDataDatasetDto] }) datasets: OpenDataDatasetDto[];
}

export class OpenDataMetaDto implements OpenDataMeta {
  @ApiProperty({ enum: OPEN_DATA_DATASET_IDS }) dataset: OpenDataDatasetId;
  @ApiProperty({ type: TextDto }) title: TextDto;
  @ApiProperty() licence: string;
  @ApiProperty() licenceUrl: string;
  @ApiPropertyOptional({ type: MetaContentLicenceDto }) contentLicence?: MetaContentLicenceDto;
  @ApiProperty() publisher: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class OpenDataFileDto implements OpenDataFile {
  @ApiProperty({ type: OpenDataMetaDto }) meta: OpenDataMetaDto;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'One object per record; keys = the dataset’s columns' })
  records: Array<Record<string, unknown>>;
}

import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { OPEN_DATA_DATASET_IDS, type OpenDataDatasetId, type OpenDataMeta } from '@app/shared';
import { Public } from '../../common/auth/decorators';
import { notFound } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors';
import { PublicCache } from '../../common/http/cache-policy';
import { DATASETS } from './datasets';
import { OpenDataCatalogueDto, OpenDataFileDto } from './dto/open-data.dto';
import { OpenDataService } from './open-data.service';

const FILES = OPEN_DATA_DATASET_IDS.flatMap((id) => [`${id}.csv`, `${id}.json`]);
const DATASET_LIST = DATASETS.map((d) => `- \`${d.id}\`: ${d.description.en} Columns: ${d.columns.join(', ')}.`).join('\n');

/** Download headers: a dated file name, the licence as a Link header, the generation time. */
function download(res: Response, meta: OpenDataMeta, ext: 'csv' | 'json'): void {
  res.setHeader('Content-Disposition', `attachment; filename="${meta.dataset}-${meta.generatedAt.slice(0, 10)}.${ext}"`);
  res.setHeader('Link', `<${meta.licenceUrl}>; rel="license"`);
  res.setHeader('X-Generated-At', meta.generatedAt);
  res.setHeader('Cache-Control', 'no-cache');
}

@ApiTags('open data')
// The JSON file is only named in a content map, which does not register its schema by itself.
@ApiExtraModels(OpenDataFileDto)
@Controller('open-data')
// The same files for everybody: they keep their revalidation for signed-in visitors too.
@PublicCache()
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Open-data catalogue: every dataset with description, licence, formats, URLs and last change',
    description:
      'The city’s data is published under the Datenlizenz Deutschland – Zero – 2.0 (dl-de/zero-2-0). Citizens’ texts (proposal titles and bodies) are ' +
      'the authors’ works, published under CC BY 4.0 with the attribution given in `contentLicence`. No dataset contains personal data.',
  })
  @ApiOkResponse({ type: OpenDataCatalogueDto })
  catalogue(): Promise<OpenDataCatalogueDto> {
    return this.openData.catalogue();
  }

  @Get(':file')
  @Public()
  @ApiParam({ name: 'file', enum: FILES, description: 'Dataset and format, e.g. indicator-values.csv' })
  @ApiOperation({
    summary: 'One open-data file (CSV or JSON) with licence and generation time in it',
    description:
      'JSON: `{ meta: { dataset, licence, licenceUrl, generatedAt, count, … }, records: [...] }`. ' +
      'CSV: RFC 4180, UTF-8, CRLF, a header row; the last three columns of every row are `licence`, `licenceUrl`, `generatedAt` ' +
      '(no comment lines, so spreadsheets and portal previews open it cleanly); the same in the headers `Link: <…>; rel="license"` and `X-Generated-At`. ' +
      'Area key `stadt` = city-wide. Datasets:\n' +
      DATASET_LIST,
  })
  @ApiOkResponse({
    description: 'The file',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(OpenDataFileDto) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiErrors(400, 404)
  async file(@Param('file') file: string, @Res({ passthrough: true }) res: Response): Promise<OpenDataFileDto | string> {
    const match = /^([a-z-]+)\.(csv|json)$/.exec(file);
    const id = match?.[1] as OpenDataDatasetId | undefined;
    if (!match || !id || !OPEN_DATA_DATASET_IDS.includes(id)) throw notFound(`The dataset "${file}"`);
    if (match[2] === 'json') {
      const result = await this.openData.json(id);
      download(res, result.meta, 'json');
      return result as OpenDataFileDto;
    }
    const { meta, body } = await this.openData.csv(id);
    download(res, meta, 'csv');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    return body;
  }
}

import { CONTRACT_VERSION, type Meta } from '../../src/contract';
import { VN_TIME_ZONE } from '../../src/domain/time';
import {
  DISTRICTS_VALID_TO,
  FIRST_YEAR,
  LAST_YEAR,
  LEVEL_COMMUNE,
  LEVEL_DISTRICT,
  LEVEL_PROVINCE,
  PROVINCE_CODE,
  PROVINCE_NAME,
  PROVINCE_NAME_EN,
  PROVINCE_REGION,
  PROVINCE_REGION_EN,
  REFORM_DATE,
  SAMPLE_NOTE,
  SAMPLE_NOTE_EN,
} from './constants';

/** The meta payload: who the sample province is, its levels (before and after the reform), the years. */
export function buildMeta(): Meta {
  return {
    contractVersion: CONTRACT_VERSION,
    province: { code: PROVINCE_CODE, name: PROVINCE_NAME, nameEn: PROVINCE_NAME_EN, region: PROVINCE_REGION, regionEn: PROVINCE_REGION_EN },
    levels: [
      { id: LEVEL_PROVINCE, name: 'Tỉnh', nameEn: 'Province', depth: 0, validFrom: null, validTo: null },
      { id: LEVEL_DISTRICT, name: 'Cấp huyện', nameEn: 'District', depth: 1, validFrom: null, validTo: DISTRICTS_VALID_TO },
      { id: LEVEL_COMMUNE, name: 'Cấp xã', nameEn: 'Commune', depth: 1, validFrom: REFORM_DATE, validTo: null },
    ],
    periods: { first: FIRST_YEAR, last: LAST_YEAR },
    timezone: VN_TIME_ZONE,
    note: SAMPLE_NOTE,
    noteEn: SAMPLE_NOTE_EN,
  };
}

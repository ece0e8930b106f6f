/** Fixed facts of the sample province: who it is, when the reform happened, the years covered. */

export const PROVINCE_CODE = '99';
export const PROVINCE_NAME = 'Tỉnh Sông Mẫu';
export const PROVINCE_NAME_EN = 'Song Mau Province (sample)';
/** How the province reads in national tables, next to real province names. */
export const PROVINCE_SHORT_NAME = 'Sông Mẫu';
export const PROVINCE_SHORT_NAME_EN = 'Song Mau (sample)';
export const PROVINCE_REGION = 'Tây Nguyên';
export const PROVINCE_REGION_EN = 'Central Highlands';
/** Base name of the capital (the city district before the reform, its central ward after). */
export const CAPITAL_BASE_NAME = 'Sông Mẫu';

export const SAMPLE_NOTE = 'Dữ liệu mẫu do máy sinh — không phải số liệu thật';
export const SAMPLE_NOTE_EN = 'Generated sample data — not real figures';

export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2025;
/** Last year measured on districts; from REFORM_YEAR on, units are communes. */
export const LAST_DISTRICT_YEAR = 2024;
export const REFORM_YEAR = 2025;
export const DISTRICTS_VALID_TO = '2025-06-30';
export const REFORM_DATE = '2025-07-01';

export const LEVEL_PROVINCE = 'province';
export const LEVEL_DISTRICT = 'district';
export const LEVEL_COMMUNE = 'commune';

export const DEFAULT_DISTRICTS = 9;
export const DEFAULT_COMMUNES = 80;
/** Accepted ranges; options outside are clamped (district codes 990–999 leave room for ten). */
export const MIN_DISTRICTS = 3;
export const MAX_DISTRICTS = 10;
export const MIN_COMMUNES = 20;
export const MAX_COMMUNES = 300;

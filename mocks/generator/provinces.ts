/**
 * Vietnam's provinces as national rankings list them: the 63 provinces and centrally-run cities before
 * the 2025 reform and the 34 after it (Resolution 202/2025/QH15), with statistics-office codes and the
 * six socio-economic regions. Public facts, used for the national tables of the sample data. Each
 * post-reform province names the pre-reform provinces it was formed from.
 */

export interface Region {
  vi: string;
  en: string;
}

export const REGIONS = {
  northMountains: { vi: 'Trung du và miền núi phía Bắc', en: 'Northern Midlands and Mountains' },
  redRiver: { vi: 'Đồng bằng sông Hồng', en: 'Red River Delta' },
  central: { vi: 'Bắc Trung Bộ và duyên hải miền Trung', en: 'North Central and Central Coast' },
  highlands: { vi: 'Tây Nguyên', en: 'Central Highlands' },
  southEast: { vi: 'Đông Nam Bộ', en: 'South East' },
  mekong: { vi: 'Đồng bằng sông Cửu Long', en: 'Mekong River Delta' },
} as const satisfies Record<string, Region>;
type RegionKey = keyof typeof REGIONS;

export interface ProvinceFact {
  code: string;
  name: string;
  nameEn: string;
  region: RegionKey;
  /** Codes of the pre-2025 provinces it was formed from (post-reform list only). */
  from?: string[];
}

const p = (code: string, name: string, nameEn: string, region: RegionKey, from?: string[]): ProvinceFact =>
  from ? { code, name, nameEn, region, from } : { code, name, nameEn, region };

export const PROVINCES_BEFORE_2025: readonly ProvinceFact[] = [
  p('01', 'Hà Nội', 'Ha Noi', 'redRiver'),
  p('02', 'Hà Giang', 'Ha Giang', 'northMountains'),
  p('04', 'Cao Bằng', 'Cao Bang', 'northMountains'),
  p('06', 'Bắc Kạn', 'Bac Kan', 'northMountains'),
  p('08', 'Tuyên Quang', 'Tuyen Quang', 'northMountains'),
  p('10', 'Lào Cai', 'Lao Cai', 'northMountains'),
  p('11', 'Điện Biên', 'Dien Bien', 'northMountains'),
  p('12', 'Lai Châu', 'Lai Chau', 'northMountains'),
  p('14', 'Sơn La', 'Son La', 'northMountains'),
  p('15', 'Yên Bái', 'Yen Bai', 'northMountains'),
  p('17', 'Hòa Bình', 'Hoa Binh', 'northMountains'),
  p('19', 'Thái Nguyên', 'Thai Nguyen', 'northMountains'),
  p('20', 'Lạng Sơn', 'Lang Son', 'northMountains'),
  p('22', 'Quảng Ninh', 'Quang Ninh', 'redRiver'),
  p('24', 'Bắc Giang', 'Bac Giang', 'northMountains'),
  p('25', 'Phú Thọ', 'Phu Tho', 'northMountains'),
  p('26', 'Vĩnh Phúc', 'Vinh Phuc', 'redRiver'),
  p('27', 'Bắc Ninh', 'Bac Ninh', 'redRiver'),
  p('30', 'Hải Dương', 'Hai Duong', 'redRiver'),
  p('31', 'Hải Phòng', 'Hai Phong', 'redRiver'),
  p('33', 'Hưng Yên', 'Hung Yen', 'redRiver'),
  p('34', 'Thái Bình', 'Thai Binh', 'redRiver'),
  p('35', 'Hà Nam', 'Ha Nam', 'redRiver'),
  p('36', 'Nam Định', 'Nam Dinh', 'redRiver'),
  p('37', 'Ninh Bình', 'Ninh Binh', 'redRiver'),
  p('38', 'Thanh Hóa', 'Thanh Hoa', 'central'),
  p('40', 'Nghệ An', 'Nghe An', 'central'),
  p('42', 'Hà Tĩnh', 'Ha Tinh', 'central'),
  p('44', 'Quảng Bình', 'Quang Binh', 'central'),
  p('45', 'Quảng Trị', 'Quang Tri', 'central'),
  p('46', 'Thừa Thiên Huế', 'Thua Thien Hue', 'central'),
  p('48', 'Đà Nẵng', 'Da Nang', 'central'),
  p('49', 'Quảng Nam', 'Quang Nam', 'central'),
  p('51', 'Quảng Ngãi', 'Quang Ngai', 'central'),
  p('52', 'Bình Định', 'Binh Dinh', 'central'),
  p('54', 'Phú Yên', 'Phu Yen', 'central'),
  p('56', 'Khánh Hòa', 'Khanh Hoa', 'central'),
  p('58', 'Ninh Thuận', 'Ninh Thuan', 'central'),
  p('60', 'Bình Thuận', 'Binh Thuan', 'central'),
  p('62', 'Kon Tum', 'Kon Tum', 'highlands'),
  p('64', 'Gia Lai', 'Gia Lai', 'highlands'),
  p('66', 'Đắk Lắk', 'Dak Lak', 'highlands'),
  p('67', 'Đắk Nông', 'Dak Nong', 'highlands'),
  p('68', 'Lâm Đồng', 'Lam Dong', 'highlands'),
  p('70', 'Bình Phước', 'Binh Phuoc', 'southEast'),
  p('72', 'Tây Ninh', 'Tay Ninh', 'southEast'),
  p('74', 'Bình Dương', 'Binh Duong', 'southEast'),
  p('75', 'Đồng Nai', 'Dong Nai', 'southEast'),
  p('77', 'Bà Rịa - Vũng Tàu', 'Ba Ria - Vung Tau', 'southEast'),
  p('79', 'TP. Hồ Chí Minh', 'Ho Chi Minh City', 'southEast'),
  p('80', 'Long An', 'Long An', 'mekong'),
  p('82', 'Tiền Giang', 'Tien Giang', 'mekong'),
  p('83', 'Bến Tre', 'Ben Tre', 'mekong'),
  p('84', 'Trà Vinh', 'Tra Vinh', 'mekong'),
  p('86', 'Vĩnh Long', 'Vinh Long', 'mekong'),
  p('87', 'Đồng Tháp', 'Dong Thap', 'mekong'),
  p('89', 'An Giang', 'An Giang', 'mekong'),
  p('91', 'Kiên Giang', 'Kien Giang', 'mekong'),
  p('92', 'Cần Thơ', 'Can Tho', 'mekong'),
  p('93', 'Hậu Giang', 'Hau Giang', 'mekong'),
  p('94', 'Sóc Trăng', 'Soc Trang', 'mekong'),
  p('95', 'Bạc Liêu', 'Bac Lieu', 'mekong'),
  p('96', 'Cà Mau', 'Ca Mau', 'mekong'),
];

export const PROVINCES_FROM_2025: readonly ProvinceFact[] = [
  p('01', 'Hà Nội', 'Ha Noi', 'redRiver', ['01']),
  p('04', 'Cao Bằng', 'Cao Bang', 'northMountains', ['04']),
  p('08', 'Tuyên Quang', 'Tuyen Quang', 'northMountains', ['08', '02']),
  p('11', 'Điện Biên', 'Dien Bien', 'northMountains', ['11']),
  p('12', 'Lai Châu', 'Lai Chau', 'northMountains', ['12']),
  p('14', 'Sơn La', 'Son La', 'northMountains', ['14']),
  p('15', 'Lào Cai', 'Lao Cai', 'northMountains', ['10', '15']),
  p('19', 'Thái Nguyên', 'Thai Nguyen', 'northMountains', ['19', '06']),
  p('20', 'Lạng Sơn', 'Lang Son', 'northMountains', ['20']),
  p('22', 'Quảng Ninh', 'Quang Ninh', 'redRiver', ['22']),
  p('24', 'Bắc Ninh', 'Bac Ninh', 'redRiver', ['24', '27']),
  p('25', 'Phú Thọ', 'Phu Tho', 'northMountains', ['25', '26', '17']),
  p('31', 'Hải Phòng', 'Hai Phong', 'redRiver', ['31', '30']),
  p('33', 'Hưng Yên', 'Hung Yen', 'redRiver', ['33', '34']),
  p('37', 'Ninh Bình', 'Ninh Binh', 'redRiver', ['37', '35', '36']),
  p('38', 'Thanh Hóa', 'Thanh Hoa', 'central', ['38']),
  p('40', 'Nghệ An', 'Nghe An', 'central', ['40']),
  p('42', 'Hà Tĩnh', 'Ha Tinh', 'central', ['42']),
  p('44', 'Quảng Trị', 'Quang Tri', 'central', ['45', '44']),
  p('46', 'Huế', 'Hue', 'central', ['46']),
  p('48', 'Đà Nẵng', 'Da Nang', 'central', ['48', '49']),
  p('51', 'Quảng Ngãi', 'Quang Ngai', 'central', ['51', '62']),
  p('52', 'Gia Lai', 'Gia Lai', 'highlands', ['64', '52']),
  p('56', 'Khánh Hòa', 'Khanh Hoa', 'central', ['56', '58']),
  p('66', 'Đắk Lắk', 'Dak Lak', 'highlands', ['66', '54']),
  p('68', 'Lâm Đồng', 'Lam Dong', 'highlands', ['68', '67', '60']),
  p('75', 'Đồng Nai', 'Dong Nai', 'southEast', ['75', '70']),
  p('79', 'TP. Hồ Chí Minh', 'Ho Chi Minh City', 'southEast', ['79', '74', '77']),
  p('80', 'Tây Ninh', 'Tay Ninh', 'southEast', ['72', '80']),
  p('82', 'Đồng Tháp', 'Dong Thap', 'mekong', ['87', '82']),
  p('86', 'Vĩnh Long', 'Vinh Long', 'mekong', ['86', '83', '84']),
  p('91', 'An Giang', 'An Giang', 'mekong', ['89', '91']),
  p('92', 'Cần Thơ', 'Can Tho', 'mekong', ['92', '93', '94']),
  p('96', 'Cà Mau', 'Ca Mau', 'mekong', ['96', '95']),
];

/**
 * The real province whose slot the sample province takes in both lists: Lai Châu, one of the provinces
 * the reform left unmerged, like the sample province. So every table holds 62 (then 33) real provinces
 * and the sample one.
 */
export const REPLACED_PROVINCE_CODE = '12';

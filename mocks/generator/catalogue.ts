import type { Component, Indicator } from '../../src/contract';
import { LEVEL_COMMUNE, LEVEL_DISTRICT, LEVEL_PROVINCE } from './constants';

/**
 * The indicator catalogue: six annual indices (components, maxima, weights, scales and methodology
 * breaks as in DOMAIN.md) and the six live one-stop-shop KPIs. The same for every seed.
 */

export const ANNUAL_INDEX_IDS = ['par', 'sipas', 'pci', 'papi', 'ict', 'dti'] as const;
export type AnnualIndexId = (typeof ANNUAL_INDEX_IDS)[number];

export const SERVICE_KPI_IDS = ['on-time', 'online', 'fully-online', 'online-payment', 'digitisation', 'satisfaction'] as const;
export type ServiceKpiId = (typeof SERVICE_KPI_IDS)[number];

const ALL_LEVELS = [LEVEL_PROVINCE, LEVEL_DISTRICT, LEVEL_COMMUNE];
const PROVINCE_ONLY = [LEVEL_PROVINCE];

function c(id: string, name: string, nameEn: string, max: number, weight?: number, validFrom?: number): Component {
  const out: Component = { id, name, nameEn, max };
  if (weight !== undefined) out.weight = weight;
  if (validFrom !== undefined) out.validFrom = validFrom;
  return out;
}

const par: Indicator = {
  id: 'par',
  kind: 'annual-index',
  name: 'Chỉ số cải cách hành chính',
  nameEn: 'Public Administration Reform Index',
  shortName: 'PAR INDEX',
  shortNameEn: 'PAR Index',
  publisher: 'Bộ Nội vụ',
  publisherEn: 'Ministry of Home Affairs',
  unitIndexName: 'Chỉ số CCHC nội bộ',
  unitIndexNameEn: 'Internal PAR Index',
  scale: { min: 0, max: 100, unit: 'points', decimals: 2 },
  direction: 'higher-is-better',
  cadence: 'P1Y',
  components: [
    c('direction', 'Công tác chỉ đạo, điều hành cải cách hành chính', 'Direction of administrative reform', 10, 0.1),
    c('legal-documents', 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật', 'Legal documents', 10, 0.1),
    c('procedures', 'Cải cách thủ tục hành chính', 'Administrative procedures', 14.5, 0.145),
    c('apparatus', 'Cải cách tổ chức bộ máy hành chính nhà nước', 'Organisation of the apparatus', 11, 0.11),
    c('civil-servants', 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức', 'Civil servants', 16, 0.16),
    c('public-finance', 'Cải cách tài chính công', 'Public finance', 7, 0.07),
    c('modernisation', 'Hiện đại hóa hành chính', 'Modernisation of administration', 16, 0.16),
    c('impact', 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội', 'Impact on people, organisations and socio-economic development', 15.5, 0.155),
  ],
  breaks: [
    {
      period: 2022,
      note: 'Phương pháp mới theo Quyết định 876/QĐ-BNV: danh mục tiêu chí và thang điểm thay đổi',
      noteEn: 'New methodology (Decision 876/QĐ-BNV): criteria and points changed',
    },
  ],
  levels: ALL_LEVELS,
};

const sipas: Indicator = {
  id: 'sipas',
  kind: 'annual-index',
  name: 'Chỉ số hài lòng về sự phục vụ hành chính',
  nameEn: 'Satisfaction Index of Public Administrative Services',
  shortName: 'SIPAS',
  publisher: 'Bộ Nội vụ',
  publisherEn: 'Ministry of Home Affairs',
  scale: { min: 0, max: 100, unit: 'percent', decimals: 2 },
  direction: 'higher-is-better',
  cadence: 'P1Y',
  components: [
    c('access', 'Tiếp cận dịch vụ', 'Access to services', 100, 0.2),
    c('procedures', 'Thủ tục hành chính', 'Administrative procedures', 100, 0.2),
    c('civil-servants', 'Công chức trực tiếp giải quyết công việc', 'Civil servants', 100, 0.2),
    c('results', 'Kết quả cung ứng dịch vụ', 'Service results', 100, 0.2),
    c('feedback', 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị', 'Receiving and handling feedback', 100, 0.2),
  ],
  breaks: [],
  levels: ALL_LEVELS,
};

const pci: Indicator = {
  id: 'pci',
  kind: 'annual-index',
  name: 'Chỉ số năng lực cạnh tranh cấp tỉnh',
  nameEn: 'Provincial Competitiveness Index',
  shortName: 'PCI',
  publisher: 'Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)',
  publisherEn: 'Vietnam Chamber of Commerce and Industry (VCCI)',
  unitIndexName: 'DDCI',
  unitIndexNameEn: 'DDCI (department and district competitiveness)',
  scale: { min: 0, max: 100, unit: 'points', decimals: 2 },
  direction: 'higher-is-better',
  cadence: 'P1Y',
  components: [
    c('entry-costs', 'Chi phí gia nhập thị trường', 'Entry costs', 10, 0.05),
    c('land-access', 'Tiếp cận đất đai và sự ổn định trong sử dụng đất', 'Land access and security of tenure', 10, 0.05),
    c('transparency', 'Tính minh bạch và tiếp cận thông tin', 'Transparency', 10, 0.2),
    c('time-costs', 'Chi phí thời gian để thực hiện các quy định của Nhà nước', 'Time costs of regulatory compliance', 10, 0.05),
    c('informal-charges', 'Chi phí không chính thức', 'Informal charges', 10, 0.1),
    c('policy-bias', 'Cạnh tranh bình đẳng', 'Policy bias (fair competition)', 10, 0.05),
    c('proactivity', 'Tính năng động và tiên phong của lãnh đạo tỉnh', 'Proactivity of provincial leadership', 10, 0.05),
    c('business-support', 'Dịch vụ hỗ trợ doanh nghiệp', 'Business support services', 10, 0.2),
    c('labour-training', 'Đào tạo lao động', 'Labour training', 10, 0.2),
    c('legal-institutions', 'Thiết chế pháp lý và an ninh trật tự', 'Legal institutions and law and order', 10, 0.05),
  ],
  breaks: [],
  levels: ALL_LEVELS,
};

const papi: Indicator = {
  id: 'papi',
  kind: 'annual-index',
  name: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh',
  nameEn: 'Provincial Governance and Public Administration Performance Index',
  shortName: 'PAPI',
  publisher: 'CECODES, UNDP',
  publisherEn: 'CECODES, UNDP',
  scale: { min: 10, max: 80, unit: 'points', decimals: 2 },
  direction: 'higher-is-better',
  cadence: 'P1Y',
  components: [
    c('participation', 'Tham gia của người dân ở cấp cơ sở', 'Participation at local levels', 10),
    c('transparency', 'Công khai, minh bạch trong việc ra quyết định ở địa phương', 'Transparency in local decision-making', 10),
    c('accountability', 'Trách nhiệm giải trình với người dân', 'Vertical accountability', 10),
    c('corruption-control', 'Kiểm soát tham nhũng trong khu vực công', 'Control of corruption in the public sector', 10),
    c('procedures', 'Thủ tục hành chính công', 'Public administrative procedures', 10),
    c('service-delivery', 'Cung ứng dịch vụ công', 'Public service delivery', 10),
    c('environment', 'Quản trị môi trường', 'Environmental governance', 10, undefined, 2018),
    c('e-governance', 'Quản trị điện tử', 'E-governance', 10, undefined, 2018),
  ],
  breaks: [
    {
      period: 2018,
      note: 'Bổ sung hai chỉ số nội dung: quản trị môi trường và quản trị điện tử (thang điểm 10–80)',
      noteEn: 'Two dimensions added: environmental governance and e-governance (scale 10–80)',
    },
  ],
  levels: PROVINCE_ONLY,
};

const ict: Indicator = {
  id: 'ict',
  kind: 'annual-index',
  name: 'Chỉ số sẵn sàng cho phát triển và ứng dụng công nghệ thông tin - truyền thông',
  nameEn: 'ICT Readiness Index (Vietnam ICT Index)',
  shortName: 'ICT Index',
  publisher: 'Bộ Thông tin và Truyền thông',
  publisherEn: 'Ministry of Information and Communications',
  scale: { min: 0, max: 1, unit: 'ratio', decimals: 4 },
  direction: 'higher-is-better',
  cadence: 'P1Y',
  components: [
    c('infrastructure', 'Hạ tầng kỹ thuật', 'Technical infrastructure', 1, 1 / 3),
    c('human-resources', 'Hạ tầng nhân lực', 'Human resources', 1, 1 / 3),
    c('application', 'Ứng dụng công nghệ thông tin', 'IT application', 1, 1 / 3),
  ],
  breaks: [],
  levels: PROVINCE_ONLY,
};

const dti: Indicator = {
  id: 'dti',
  kind: 'annual-index',
  name: 'Chỉ số chuyển đổi số cấp tỉnh',
  nameEn: 'Provincial Digital Transformation Index',
  shortName: 'DTI',
  publisher: 'Bộ Khoa học và Công nghệ (trước đây Bộ Thông tin và Truyền thông)',
  publisherEn: 'Ministry of Science and Technology (formerly Ministry of Information and Communications)',
  scale: { min: 0, max: 1, unit: 'ratio', decimals: 4 },
  direction: 'higher-is-better',
  cadence: 'P1Y',
  components: [
    c('awareness', 'Nhận thức số', 'Digital awareness', 1, 0.125),
    c('institutions', 'Thể chế số', 'Digital institutions', 1, 0.125),
    c('infrastructure', 'Hạ tầng số', 'Digital infrastructure', 1, 0.125),
    c('human-resources', 'Nhân lực số', 'Digital human resources', 1, 0.125),
    c('cyber-security', 'An toàn thông tin mạng', 'Cyber security', 1, 0.125),
    c('government', 'Chính quyền số', 'Digital government', 1, 0.125),
    c('economy', 'Kinh tế số', 'Digital economy', 1, 0.125),
    c('society', 'Xã hội số', 'Digital society', 1, 0.125),
  ],
  breaks: [
    {
      period: 2024,
      note: 'Bộ chỉ số rút gọn từ 98 xuống 47 chỉ số thành phần',
      noteEn: 'Indicator set cut from 98 to 47 component indicators',
    },
  ],
  levels: ALL_LEVELS,
  firstPeriod: 2020,
};

function serviceKpi(id: ServiceKpiId, name: string, nameEn: string, shortName: string, shortNameEn: string): Indicator {
  return {
    id,
    kind: 'service-kpi',
    name,
    nameEn,
    shortName,
    shortNameEn,
    publisher: 'Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh',
    publisherEn: "Province's administrative procedures information system",
    scale: { min: 0, max: 100, unit: 'percent', decimals: 1 },
    direction: 'higher-is-better',
    cadence: 'PT1M',
    components: [],
    breaks: [],
    levels: [LEVEL_PROVINCE, LEVEL_COMMUNE],
  };
}

export function buildCatalogue(): Indicator[] {
  return [
    par,
    sipas,
    pci,
    papi,
    ict,
    dti,
    serviceKpi('on-time', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'On-time resolution', 'Đúng hạn', 'On time'),
    serviceKpi('online', 'Tỷ lệ hồ sơ trực tuyến', 'Online applications', 'Trực tuyến', 'Online'),
    serviceKpi('fully-online', 'Tỷ lệ hồ sơ trực tuyến toàn trình', 'Fully-online applications', 'Toàn trình', 'Fully online'),
    serviceKpi('online-payment', 'Tỷ lệ thanh toán trực tuyến', 'Online payment', 'Thanh toán trực tuyến', 'Online payment'),
    serviceKpi('digitisation', 'Tỷ lệ số hóa hồ sơ', 'Digitisation of files', 'Số hóa', 'Digitisation'),
    serviceKpi('satisfaction', 'Mức độ hài lòng', 'Satisfaction', 'Hài lòng', 'Satisfaction'),
  ].map((indicator) => structuredClone(indicator));
}

/** First year an annual index exists in the sample (its firstPeriod, or the first year covered). */
export function firstYearOf(indicator: Indicator, fallback: number): number {
  return Math.max(indicator.firstPeriod ?? fallback, fallback);
}

/** Components valid in a year (methodologies add and drop components). */
export function componentsIn(indicator: Indicator, year: number): Component[] {
  return indicator.components.filter((k) => (k.validFrom ?? -Infinity) <= year && year <= (k.validTo ?? Infinity));
}

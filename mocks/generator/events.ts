import type { EventRow, Indicator } from '../../src/contract';
import { LAST_YEAR, PROVINCE_CODE, REFORM_DATE } from './constants';
import type { Rng } from './rng';

/**
 * Events for charts and timelines: the methodology breaks of the catalogue, the 2025 boundary change,
 * and the yearly publication of PAR Index (with SIPAS), PCI and DTI. Publication days are illustrative.
 */
export function buildEvents(
  rng: Rng,
  catalogue: readonly Indicator[],
  yearsOf: (indicator: Indicator) => number[],
  districts: number,
  communes: number,
): EventRow[] {
  const events: EventRow[] = [];

  for (const indicator of catalogue) {
    for (const b of indicator.breaks) {
      events.push({
        id: `break-${indicator.id}-${b.period}`,
        date: `${b.period}-01-01`,
        kind: 'methodology-break',
        indicator: indicator.id,
        period: b.period,
        title: `${indicator.shortName}: thay đổi phương pháp từ năm ${b.period}`,
        titleEn: `${indicator.shortNameEn ?? indicator.shortName}: methodology change from ${b.period}`,
        note: b.note,
        ...(b.noteEn ? { noteEn: b.noteEn } : {}),
      });
    }
  }

  events.push({
    id: 'boundary-2025-07-01',
    date: REFORM_DATE,
    kind: 'boundary-change',
    unit: PROVINCE_CODE,
    period: 2025,
    title: 'Sắp xếp đơn vị hành chính hai cấp',
    titleEn: 'Two-tier local government reform: districts abolished',
    note: `Từ 01/07/2025 không còn cấp huyện: ${districts} huyện, thị xã, thành phố được sắp xếp thành ${communes} xã, phường, đặc khu trực thuộc tỉnh. Số liệu các năm trước theo huyện; chuyển đổi sang xã theo bảng tương ứng.`,
    noteEn: `From 1 July 2025 there are no districts: ${districts} districts, towns and cities were reorganised into ${communes} communes, wards and special zones under the province. Earlier years are by district; the crosswalk maps them onto communes.`,
  });

  const published: Record<string, { month: number; vi: string; en: string }> = {
    par: { month: 4, vi: 'Công bố Chỉ số CCHC (PAR INDEX) và SIPAS năm', en: 'PAR Index and SIPAS published for' },
    pci: { month: 5, vi: 'Công bố Chỉ số PCI năm', en: 'PCI published for' },
    dti: { month: 7, vi: 'Công bố Chỉ số DTI năm', en: 'DTI published for' },
  };
  for (const indicator of catalogue) {
    const how = published[indicator.id];
    if (!how) continue;
    for (const year of yearsOf(indicator)) {
      if (year > LAST_YEAR) continue;
      const day = String(rng.int(5, 25)).padStart(2, '0');
      const month = String(how.month).padStart(2, '0');
      events.push({
        id: `publication-${indicator.id}-${year}`,
        date: `${year + 1}-${month}-${day}`,
        kind: 'publication',
        indicator: indicator.id,
        period: year,
        title: `${how.vi} ${year}`,
        titleEn: `${how.en} ${year}`,
      });
    }
  }

  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

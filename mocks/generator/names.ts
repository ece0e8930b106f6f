import type { Rng } from './rng';

/**
 * Vietnamese-style place names built from syllable lists: Central Highlands names (Đắk Lâm, Ea Rông,
 * Krông Pơng…) and Kinh names (Tân Phú, Hòa Lợi…). The lists are written for this generator; any
 * likeness to a real place is a coincidence of common syllables.
 */

const HIGHLAND_FIRST = ['Đắk', 'Ea', 'Krông', 'Chư', 'Ia', 'Kon', 'Buôn', 'Đăk'];
const HIGHLAND_SECOND = [
  'Lâm', 'Rông', 'Pơng', 'Drăng', 'Sao', 'Tơ', 'Hring', 'Pah', 'Blang', 'Nia', 'Yang', 'Ruê', 'Mang', 'Hdơk',
  'Kơ', 'Răng', 'Tiêng', 'Glong', 'Rơ', 'Hnăng', 'Dôn', 'Sar', 'Klông', 'Brông', 'Mơ', 'Jút', 'Prông', 'Lốp',
];
const KINH_FIRST = [
  'An', 'Tân', 'Hòa', 'Phú', 'Bình', 'Thạnh', 'Quang', 'Hưng', 'Thuận', 'Vĩnh', 'Đức', 'Nghĩa', 'Phước', 'Long',
  'Thịnh', 'Minh', 'Trung', 'Hải', 'Sơn', 'Cát', 'Mỹ', 'Lạc', 'Ngọc', 'Kim', 'Xuân', 'Quảng',
];
const KINH_SECOND = [
  'Lợi', 'Thành', 'Hiệp', 'Khánh', 'Lộc', 'Phong', 'An', 'Hòa', 'Bình', 'Điền', 'Xuân', 'Mỹ', 'Tiến', 'Thắng',
  'Thái', 'Lâm', 'Phát', 'Đông', 'Tây', 'Nam', 'Bắc', 'Trạch', 'Yên', 'Hưng', 'Sơn', 'Trung', 'Định', 'Tín',
];
const ISLAND_NAMES = ['Hòn Mây', 'Hòn Ngọc', 'Hòn Yến', 'Cù Lao Sẻ', 'Hòn Cau', 'Hòn Nồm', 'Cù Lao Mây', 'Hòn Trầu'];

export type NameStyle = 'highland' | 'kinh';

/** Vietnamese text → the same words without diacritics (Đắk Lâm → Dak Lam), for English labels. */
export function stripDiacritics(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Hands out unique base names (without the kind word): no two calls return the same name. */
export class NameBook {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng, reserved: readonly string[] = []) {
    for (const name of reserved) this.used.add(name.normalize('NFC'));
  }

  /** Marks a name as taken (a commune named after its old district, say). */
  reserve(name: string): void {
    this.used.add(name.normalize('NFC'));
  }

  has(name: string): boolean {
    return this.used.has(name.normalize('NFC'));
  }

  next(style: NameStyle): string {
    for (let attempt = 0; attempt < 200; attempt++) {
      const name = this.compose(attempt < 100 ? style : style === 'kinh' ? 'highland' : 'kinh');
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    // Only reached with hundreds of units: fall back to a numbered name, still unique.
    for (let n = 2; ; n++) {
      const name = `${this.compose(style)} ${n}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }

  island(): string {
    for (const name of this.rng.shuffle(ISLAND_NAMES)) {
      const normalised = name.normalize('NFC');
      if (!this.used.has(normalised)) {
        this.used.add(normalised);
        return normalised;
      }
    }
    return this.next('kinh');
  }

  private compose(style: NameStyle): string {
    const [first, second] = style === 'highland' ? [HIGHLAND_FIRST, HIGHLAND_SECOND] : [KINH_FIRST, KINH_SECOND];
    for (;;) {
      const a = this.rng.pick(first);
      const b = this.rng.pick(second);
      if (a !== b) return `${a} ${b}`.normalize('NFC');
    }
  }
}

/** Kind words: how a unit is named locally, and its English label. */
export const KINDS = {
  province: { vi: 'Tỉnh', en: 'Province' },
  city: { vi: 'Thành phố', en: 'City' },
  town: { vi: 'Thị xã', en: 'Town' },
  rural: { vi: 'Huyện', en: 'District' },
  ward: { vi: 'Phường', en: 'Ward' },
  commune: { vi: 'Xã', en: 'Commune' },
  special: { vi: 'Đặc khu', en: 'Special Zone' },
} as const;
export type KindKey = keyof typeof KINDS;

/** "Huyện Đắk Lâm" / "Dak Lam District". */
export function fullName(kind: KindKey, base: string): { name: string; nameEn: string } {
  const k = KINDS[kind];
  return { name: `${k.vi} ${base}`.normalize('NFC'), nameEn: `${stripDiacritics(base)} ${k.en}` };
}

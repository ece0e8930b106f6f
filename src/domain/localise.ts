import type { Locale } from './format';

/** The feed's English text when reading in English and the feed has it; the Vietnamese otherwise. */
export function localText(vi: string, en: string | undefined, locale: Locale): string {
  return locale === 'en' && en ? en : vi;
}

export function localName(item: { name: string; nameEn?: string | undefined }, locale: Locale): string {
  return localText(item.name, item.nameEn, locale);
}

export function localShortName(item: { shortName: string; shortNameEn?: string | undefined }, locale: Locale): string {
  return localText(item.shortName, item.shortNameEn, locale);
}

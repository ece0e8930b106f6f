import { createI18n } from 'vue-i18n';
import vi from './vi';
import en from './en';
import type { Locale } from '../domain/format';

export type MessageSchema = typeof vi;

/** Vietnamese by default; English complete. Numbers and dates go through domain/format (Intl). */
export function createAppI18n(locale: Locale) {
  return createI18n<[MessageSchema], Locale>({
    legacy: false,
    locale,
    fallbackLocale: 'vi',
    messages: { vi, en },
  });
}

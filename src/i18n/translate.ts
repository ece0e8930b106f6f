/**
 * The message function pure text builders take (vue-i18n's `t`, or a test's own): a key and its named values.
 * Builders call it with literal keys, so the message test can check every key is used and defined.
 */
export type Translate = (key: string, named?: Record<string, unknown>) => string;

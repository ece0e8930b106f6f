import type { FeedError } from '../feeds/feedError';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A feed error in the reader's language, with the status or field where there is one. Plain text. */
export function feedErrorText(t: Translate, error: FeedError): string {
  return t(`feedError.${error.kind}`, { status: error.status ?? '', field: error.field ?? '' });
}

import * as v from 'valibot';
import { FEED_IDS, type FeedId } from '../contract/routes';

const PositiveSeconds = v.pipe(v.number(), v.integer(), v.minValue(1));

/** How often a feed is asked for, and how old its data may get before it is flagged stale. */
const FeedConfig = v.strictObject({
  /** Path below apiBase, or an absolute URL for a feed hosted elsewhere. */
  url: v.pipe(v.string(), v.minLength(1)),
  refreshSeconds: PositiveSeconds,
  /** The feed's cadence: data older than this (by its asOf) is shown as stale. */
  maxAgeSeconds: PositiveSeconds,
});
export type FeedConfig = v.InferOutput<typeof FeedConfig>;

/** Feeds polled on a schedule; boundaries are read once from `geo.url`. */
export const POLLED_FEEDS = FEED_IDS.filter((id): id is Exclude<FeedId, 'boundaries'> => id !== 'boundaries');
export type PolledFeedId = (typeof POLLED_FEEDS)[number];
/**
 * Feeds added to contract v1 after its first release: a config.json written before them still works, with
 * these settings (the sample API's paths and cadences).
 */
export const FEED_DEFAULTS: Partial<Record<PolledFeedId, FeedConfig>> = {
  'service-closes': { url: 'service-kpis/closes', refreshSeconds: 900, maxAgeSeconds: 129_600 },
  'service-history': { url: 'units/{code}/service-history', refreshSeconds: 900, maxAgeSeconds: 129_600 },
};
const feedEntries = Object.fromEntries(
  POLLED_FEEDS.map((id) => {
    const fallback = FEED_DEFAULTS[id];
    return [id, fallback ? v.optional(FeedConfig, () => ({ ...fallback })) : FeedConfig];
  }),
) as Record<PolledFeedId, typeof FeedConfig>;

/** A live KPI's bands: at or above `warn` is fine, below `alert` is a breach (for higher-is-better KPIs). */
const Threshold = v.pipe(
  v.strictObject({ warn: v.number(), alert: v.number() }),
  v.check((t) => t.alert <= t.warn, 'alert must not be above warn'),
);

/** One scene of the wall's playlist: what it shows and for how long. */
const WallScene = v.variant('scene', [
  v.strictObject({ scene: v.literal('headline'), seconds: PositiveSeconds }),
  v.strictObject({ scene: v.literal('index'), indicator: v.pipe(v.string(), v.minLength(1)), seconds: PositiveSeconds }),
  v.strictObject({ scene: v.literal('services'), seconds: PositiveSeconds }),
  v.strictObject({ scene: v.literal('alerts'), seconds: PositiveSeconds }),
]);
export type WallSceneConfig = v.InferOutput<typeof WallScene>;

const ClockTime = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM'));

const WallConfig = v.strictObject({
  playlist: v.pipe(v.array(WallScene), v.minLength(1)),
  /** How long the alert scene takes over when a live KPI crosses its threshold. */
  interruptSeconds: PositiveSeconds,
  /** Daily soft reload in Vietnam time (HH:MM), keeping the wall's place; null: never. */
  softReloadAt: v.nullable(ClockTime),
  /** Small periodic shift of the whole layout against burn-in. */
  burnIn: v.strictObject({ everySeconds: PositiveSeconds, maxShiftPx: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(32)) }),
});
export type WallConfig = v.InferOutput<typeof WallConfig>;

/** The name of a GeoJSON feature property (`geo.codeProperty`): text, not blank. */
const FeaturePropertyName = v.pipe(
  v.string('must be the name of a feature property, as text'),
  v.check((name) => name.trim() !== '', 'must be the name of a feature property, not blank'),
);

export const AppConfigSchema = v.strictObject({
  /** Base URL of the feed API (contract v1), absolute or relative to the page. */
  apiBase: v.pipe(v.string(), v.minLength(1)),
  locale: v.picklist(['vi', 'en']),
  request: v.strictObject({
    timeoutMs: v.pipe(v.number(), v.integer(), v.minValue(500), v.maxValue(120_000)),
    retries: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
    retryBaseMs: v.pipe(v.number(), v.integer(), v.minValue(50)),
    /** Largest answer accepted, in bytes (default 5 MB): a bigger one is an error, not a frozen screen. */
    maxBytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10_000)), 5_000_000),
  }),
  /** Optional header sent with every request to the API origin, and only there. */
  auth: v.nullable(v.strictObject({ header: v.pipe(v.string(), v.minLength(1)), value: v.string() })),
  feeds: v.strictObject(feedEntries),
  thresholds: v.record(v.string(), Threshold),
  /** Province targets per annual index, in the index's own scale. */
  targets: v.record(v.string(), v.number()),
  /**
   * Boundaries as GeoJSON: `{level}` in the URL is replaced by the level id; a relative URL is read
   * against apiBase. `codeProperty` names the feature property holding the unit code (in the file, text or
   * a number). Null: tile-grid maps only.
   */
  geo: v.nullable(v.strictObject({ url: v.pipe(v.string(), v.minLength(1)), codeProperty: FeaturePropertyName })),
  wall: WallConfig,
});
export type AppConfig = v.InferOutput<typeof AppConfigSchema>;

/**
 * An optional contract field from a nullable column: `{ [key]: value }` when there is a value, else nothing,
 * so the field is absent (as the contract's optional fields are) rather than null. Spread it in place, so
 * the answer's keys keep the contract's order.
 */
export function present<K extends string, T>(key: K, value: T | null): { [P in K]?: T } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: T };
}

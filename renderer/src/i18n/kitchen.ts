// Texts of the kitchen features (bump and recall, alerts, all-day summary, filters), Russian first.
// `kitchenEn` must have exactly the same keys (checked by its type and by the key-parity test).
export const kitchenRu = {}

export const kitchenEn: typeof kitchenRu = {}

// Texts of the dispatcher view (timeline, histories, speed of service, CSV), Russian first.
// `dispatchEn` must have exactly the same keys (checked by its type and by the key-parity test).
export const dispatchRu = {}

export const dispatchEn: typeof dispatchRu = {}

// Texts about test orders (isTestOrder) in the dispatcher's figures and exports, Russian first.
// `testOrdersEn` must have exactly the same keys (checked by its type and by the key-parity test).
export const testOrdersRu = {
  csvColumn: 'Тестовый',
  csvMark: 'тест',
  speedNote: 'Тестовые заказы не считаются: {n}',
}

export const testOrdersEn: typeof testOrdersRu = {
  csvColumn: 'Test order',
  csvMark: 'test',
  speedNote: 'Test orders not counted: {n}',
}

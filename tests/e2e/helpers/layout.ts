// The board's layout for one page: the address's `?layout=` wins over the settings. Tiles are the
// default; specs about the condition columns (a card moving between them, their counts, the
// arrows across them) open the columns.
export type BoardLayout = 'tiles' | 'columns'

/** `url` asking for `layout`, keeping its other parameters. */
export function withLayout(url: string, layout: BoardLayout): string {
  const address = new URL(url)
  address.searchParams.set('layout', layout)
  return address.toString()
}

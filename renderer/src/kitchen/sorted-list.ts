// A list kept in order as items come and go: a binary search finds the place, so an insert or a
// removal costs a log of the list in comparisons (and a move of the pointers after it), never a
// sort. The order must be total (ties broken by id): an item is found again by comparing equal.

/** Negative when `a` goes before `b`, positive after, zero only for the same item. */
export type Compare<T> = (a: T, b: T) => number

export class SortedList<T> {
  private list: T[] = []
  /** Bumped on every change: a view made of the list knows whether it is stale. */
  version = 0

  constructor(private readonly compare: Compare<T>) {}

  get size(): number {
    return this.list.length
  }

  /** The items in order. Read-only: the list changes under it on the next insert or removal. */
  get items(): readonly T[] {
    return this.list
  }

  /** The first index whose item does not go before `item`. */
  private lowerBound(item: T): number {
    let low = 0
    let high = this.list.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.compare(this.list[mid] as T, item) < 0) low = mid + 1
      else high = mid
    }
    return low
  }

  insert(item: T): void {
    this.list.splice(this.lowerBound(item), 0, item)
    this.version += 1
  }

  /** Removes the item comparing equal to `item`; false when there is none. */
  remove(item: T): boolean {
    const at = this.lowerBound(item)
    const found = this.list[at]
    if (found === undefined || this.compare(found, item) !== 0) return false
    this.list.splice(at, 1)
    this.version += 1
    return true
  }

  /** How many items come before the first for which `before` is false (`before` must be true
   * of a prefix only): a binary search. */
  countWhile(before: (item: T) => boolean): number {
    let low = 0
    let high = this.list.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (before(this.list[mid] as T)) low = mid + 1
      else high = mid
    }
    return low
  }

  /** Replaces the contents with `items`, already in this list's order (not checked, not copied). */
  adopt(items: T[]): void {
    this.list = items
    this.version += 1
  }

  /** Replaces the contents with `items`, sorted once. */
  reset(items: T[]): void {
    this.list = items.sort(this.compare)
    this.version += 1
  }
}

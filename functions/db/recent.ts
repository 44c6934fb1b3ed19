/**
 * Rows an isolate keeps between requests: the `limit` most recently set, so a key made from a
 * request's values (a period, a sweep id) cannot grow it without bound. Whoever keeps rows here
 * checks them against the database before trusting them (kept-reads.ts; a sign-up's and a booking's
 * `decidedOn`).
 */
export class Recent<V> {
  readonly #rows = new Map<string, V>();
  constructor(readonly limit: number) {}

  get(key: string): V | undefined {
    return this.#rows.get(key);
  }

  set(key: string, value: V): void {
    this.#rows.delete(key);
    this.#rows.set(key, value);
    if (this.#rows.size > this.limit) this.#rows.delete(this.#rows.keys().next().value as string);
  }

  delete(key: string): void {
    this.#rows.delete(key);
  }
}

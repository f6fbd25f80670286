/**
 * A Map that holds at most `max` entries, forgetting the oldest first: the per-batch and per-report state one
 * step leaves for the next in this process. Setting a key again makes it the newest. A miss is never an error for
 * its users: they compute or read again what it no longer holds.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    if (this.size > this.max) this.delete(this.keys().next().value!);
    return this;
  }
}

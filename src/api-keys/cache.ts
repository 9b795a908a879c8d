// A one-second memory of API keys found valid, so that a bot's burst of requests does not look
// its key up in the database every time (that lookup was a quarter of the server's work on the
// ingest path). Revoking a key forgets it here at once; another instance forgets it within TTL_MS.
export const TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

export interface KnownKey {
  id: number;
  organizationId: number;
  organizationSlug: string;
  lastUsedAt: Date | null;
}

export class ApiKeyCache {
  private readonly entries = new Map<string, { key: KnownKey; until: number }>();

  get(hash: Buffer): KnownKey | undefined {
    const id = hash.toString('base64');
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.until < Date.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.key;
  }

  set(hash: Buffer, key: KnownKey): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(hash.toString('base64'), { key, until: Date.now() + TTL_MS });
  }

  /** Forgets a key (it was revoked). */
  forget(organizationId: number, id: number): void {
    for (const [hash, entry] of this.entries) {
      if (entry.key.organizationId === organizationId && entry.key.id === id) this.entries.delete(hash);
    }
  }
}

/**
 * The embedded provider's storage (sessions, codes, grants): in memory, as befits a development
 * provider whose users and keys are made anew at every start. oidc-provider's own in-memory
 * adapter does the same but warns on every start.
 */
type Payload = Record<string, any>;

export function memoryAdapter() {
  const items = new Map<string, { payload: Payload; until?: number }>();
  const grants = new Map<string, Set<string>>();
  const alive = (key: string) => {
    const hit = items.get(key);
    if (hit?.until && hit.until < Date.now()) { items.delete(key); return undefined; }
    return hit?.payload;
  };
  return class MemoryAdapter {
    constructor(private readonly model: string) {}
    private key(id: string) { return `${this.model}:${id}`; }
    async upsert(id: string, payload: Payload, expiresIn?: number) {
      items.set(this.key(id), { payload, until: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
      if (payload.uid) items.set(`uid:${this.model}:${payload.uid}`, { payload: { id }, until: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
      if (payload.userCode) items.set(`userCode:${payload.userCode}`, { payload: { id } });
      if (payload.grantId) {
        const set = grants.get(payload.grantId) ?? new Set<string>();
        set.add(this.key(id));
        grants.set(payload.grantId, set);
      }
    }
    async find(id: string) { return alive(this.key(id)); }
    async findByUid(uid: string) { const ref = alive(`uid:${this.model}:${uid}`); return ref && alive(this.key(ref.id)); }
    async findByUserCode(code: string) { const ref = alive(`userCode:${code}`); return ref && alive(this.key(ref.id)); }
    async consume(id: string) { const p = alive(this.key(id)); if (p) p.consumed = Math.floor(Date.now() / 1000); }
    async destroy(id: string) { items.delete(this.key(id)); }
    async revokeByGrantId(grantId: string) { for (const k of grants.get(grantId) ?? []) items.delete(k); grants.delete(grantId); }
  };
}

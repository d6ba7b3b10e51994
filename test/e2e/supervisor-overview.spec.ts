import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { startPlatform, TestPlatform } from '../support/platform';

const MIN = 60_000;

interface Seeded { id: string; reference: string; enqueuedAt: Date }

/**
 * routing's supervisor overview (GET /v1/supervisor/overview) over a small set written straight
 * into routing's tables, so every figure is known: waiting count, oldest wait and SLA at risk per
 * queue, triage and overflow, agents' load and current items, the open items to reassign.
 */
describe('the supervisor overview', () => {
  let platform: TestPlatform;
  let db: Client;
  let n = 0;

  beforeAll(async () => {
    platform = await startPlatform(['routing']);
    db = new Client({ connectionString: platform.env.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  async function item(o: {
    tenant?: string; department?: string; queue?: string; status?: string; assignedTo?: string;
    enqueuedMinAgo: number; firstDueInMin?: number; resolutionDueInMin?: number; answered?: boolean;
  }): Promise<Seeded> {
    const id = randomUUID();
    const reference = `KC-2099-${String(++n).padStart(6, '0')}`;
    const enqueuedAt = new Date(Date.now() - o.enqueuedMinAgo * MIN);
    const due = (m?: number) => (m === undefined ? null : new Date(Date.now() + m * MIN));
    const tenant = o.tenant ?? 'demo';
    await db.query(`INSERT INTO routing.inquiries (id, tenant_id, reference, channel, body, language, received_at) VALUES ($1,$2,$3,'web','x','sv',$4)`, [id, tenant, reference, enqueuedAt]);
    await db.query(
      `INSERT INTO routing.work_items (inquiry_id, tenant_id, reference, department, queue, category, topic_department, type, language, priority, urgent, status,
         assigned_to, enqueued_at, first_response_due_at, resolution_due_at, answered_at, status_before_pause, paused_at)
       VALUES ($1,$2,$3,$4,$5,NULL,$4,'question','sv',3,false,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [id, tenant, reference, o.department ?? 'kontaktcenter', o.queue ?? 'first_line', o.status ?? 'queued', o.assignedTo ?? null, enqueuedAt,
        due(o.firstDueInMin), due(o.resolutionDueInMin), o.answered ? new Date() : null,
        o.status === 'awaiting_citizen' ? 'assigned' : null, o.status === 'awaiting_citizen' ? new Date() : null],
    );
    return { id, reference, enqueuedAt };
  }

  async function overview(key = platform.keys.supervisor): Promise<{ status: number; body: any }> {
    const res = await fetch(`${platform.urls.routing}/v1/supervisor/overview`, { headers: { 'x-api-key': key } });
    return { status: res.status, body: await res.json() };
  }

  it('gives each queue its waiting count, oldest wait and SLA at risk; triage, agents and open items', async () => {
    const dueSoon = await item({ enqueuedMinAgo: 30, firstDueInMin: 30 });
    const oldest = await item({ enqueuedMinAgo: 90, firstDueInMin: 180 });
    // Answered: the first-response clock no longer counts, the resolution clock does.
    const answered = await item({ enqueuedMinAgo: 60, firstDueInMin: -10, resolutionDueInMin: 300, answered: true });
    const triage = await item({ department: 'triage', queue: 'triage', enqueuedMinAgo: 10, resolutionDueInMin: 20 });
    const overflow = await item({ queue: 'supervisor', enqueuedMinAgo: 5, firstDueInMin: -1 });
    const held = await item({ status: 'assigned', assignedTo: 'demo-agent', enqueuedMinAgo: 120, firstDueInMin: 5 });
    const paused = await item({ status: 'awaiting_citizen', assignedTo: 'demo-agent', enqueuedMinAgo: 100 });
    await item({ status: 'resolved', assignedTo: 'demo-agent', enqueuedMinAgo: 200 });
    await item({ tenant: 'other', enqueuedMinAgo: 500, firstDueInMin: 1 });

    const { status, body } = await overview();
    expect(status).toBe(200);
    expect(body.queues).toEqual([
      { department: 'kontaktcenter', queue: 'first_line', waiting: 3, oldestEnqueuedAt: oldest.enqueuedAt.toISOString(), atRisk: 1 },
      { department: 'kontaktcenter', queue: 'supervisor', waiting: 1, oldestEnqueuedAt: overflow.enqueuedAt.toISOString(), atRisk: 1 },
      { department: 'triage', queue: 'triage', waiting: 1, oldestEnqueuedAt: triage.enqueuedAt.toISOString(), atRisk: 1 },
    ]);
    expect(body.triage.total).toBe(2);
    expect(body.triage.items.map((i: Seeded) => i.reference)).toEqual([triage.reference, overflow.reference]);
    expect(body.open.total).toBe(7);
    expect(body.open.items.map((i: Seeded) => i.reference)).toEqual([held, paused, oldest, answered, dueSoon, triage, overflow].map((i) => i.reference));
    const amira = body.agents.agents.find((a: { id: string }) => a.id === 'demo-agent');
    // Load counts what takes capacity (assigned, answered); current items are every open one held.
    expect(amira).toMatchObject({ name: 'Amira Lind', load: 1, current: [held.reference, paused.reference] });
    const { rows: [agents] } = await db.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE presence = 'available')::int AS available FROM routing.agents WHERE tenant_id = 'demo' AND active`);
    expect({ total: body.agents.total, available: body.agents.available, listed: body.agents.agents.length }).toEqual({ ...agents, listed: agents.total });
  });

  it("lists an agent's open items for their queue with open=true, every item of theirs without", async () => {
    const mine = async (query: string) => {
      const res = await fetch(`${platform.urls.routing}/v1/work/mine${query}`, { headers: { 'x-api-key': platform.keys.agent } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { status: string }[]).map((i) => i.status).sort();
    };
    // From the set above: one assigned, one awaiting the citizen, one resolved.
    expect(await mine('?open=true')).toEqual(['assigned', 'awaiting_citizen']);
    expect(await mine('')).toEqual(['assigned', 'awaiting_citizen', 'resolved']);
  });

  it('carries the oldest 50 of a long list with its total', async () => {
    const { rows: [{ n: before }] } = await db.query(`SELECT count(*)::int AS n FROM routing.work_items WHERE tenant_id = 'demo' AND status = 'queued' AND department = 'triage'`);
    for (let i = 0; i < 55; i++) await item({ department: 'triage', queue: 'triage', enqueuedMinAgo: 1 });
    const { body } = await overview();
    expect(body.queues.find((q: { department: string }) => q.department === 'triage').waiting).toBe(before + 55);
    expect(body.triage.items).toHaveLength(50);
    expect(body.triage.total).toBeGreaterThanOrEqual(before + 55);
    expect(body.open.items).toHaveLength(50);
    const times = body.triage.items.map((i: { enqueuedAt: string }) => i.enqueuedAt);
    expect([...times].sort()).toEqual(times);
  });

  it('is for supervisors and admins only', async () => {
    expect((await overview(platform.keys.admin)).status).toBe(200);
    expect((await overview(platform.keys.agent)).status).toBe(403);
    expect((await overview(platform.keys.department)).status).toBe(403);
    expect((await fetch(`${platform.urls.routing}/v1/supervisor/overview`)).status).toBe(401);
  });
});

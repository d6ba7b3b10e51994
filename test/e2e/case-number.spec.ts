// The department's own case number (diarienummer): recorded on a work item in routing, shown to
// the citizen by intake on the follow page and in the status API, and to staff in both services.
import { randomUUID } from 'crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EventTypes } from '@lotsen/contracts';
import { generateApiKey, hashApiKey } from '@lotsen/platform';
import { waitFor } from '@lotsen/testing';
import { event, publishEvents } from '../support/broker';
import { startPlatform, TestPlatform } from '../support/platform';

describe("a department's case number, from the caseworker to the citizen", () => {
  let p: TestPlatform;
  let routing: DataSource;
  let intake: DataSource;
  /** A department key of another department (kultur_fritid). */
  let otherDepartment: string;

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing']);
    routing = p.apps.routing!.get(DataSource);
    intake = p.apps.intake!.get(DataSource);
    otherDepartment = generateApiKey();
    await routing.query(`INSERT INTO routing.api_keys (id, tenant_id, key_hash, label, role, subject_id) VALUES ($1, 'demo', $2, 'test kultur_fritid', 'department', 'kultur_fritid')`,
      [randomUUID(), hashApiKey(otherDepartment)]);
  });
  afterAll(async () => {
    await p?.close();
  });

  const put = (id: string, key: string, body: unknown) => request(p.urls.routing!).put(`/v1/work/${id}/case-number`).set('x-api-key', key).send(body as object);
  /** The case-number events intake has handled (this test's inquiry is the only one that gets any). */
  const received = async (): Promise<number> => (await intake.query(
    `SELECT count(*)::int AS n FROM intake.inbox WHERE event_type = 'inquiry.case_number.recorded'`))[0].n;
  const stored = async (id: string): Promise<string | null> => (await routing.query(`SELECT case_number FROM routing.work_items WHERE inquiry_id = $1`, [id]))[0].case_number;

  it('is recorded once per new number by the department, replaced by another, and shown on the follow page', async () => {
    const created = (await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web)
      .send({ channel: 'web', subject: 'Potthål', body: 'Det är ett djupt hål i gatan utanför skolan på Kyrkogatan.', language: 'sv', citizen: { email: 'hal.i.gatan@example.se' } })
      .expect(202)).body as { id: string; reference: string; trackingToken: string };
    const id = created.id;
    await waitFor('routed', async () => (await routing.query(`SELECT 1 FROM routing.work_items WHERE inquiry_id = $1`, [id])).length === 1, 20000);
    await request(p.urls.routing!).post(`/v1/work/${id}/transfer`).set('x-api-key', p.keys.supervisor).send({ toDepartment: 'gata_park', reason: 'gatuunderhåll' }).expect(200);
    await request(p.urls.routing!).post(`/v1/departments/gata_park/work/${id}/acknowledge`).set('x-api-key', p.keys.department).expect(200);

    // bad input: problem+json, nothing stored, nothing published
    for (const body of [{}, { caseNumber: '' }, { caseNumber: 'x'.repeat(41) }, { caseNumber: 42 }, { caseNumber: ' GP 2026/1' }, { caseNumber: 'GP <b>1</b>' }, { caseNumber: 'GP\n2026' }]) {
      const bad = await put(id, p.keys.department, body).expect(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
    // another department's key: refused as the other work actions refuse it
    const foreign = await put(id, otherDepartment, { caseNumber: 'KF-2026-00042' }).expect(403);
    expect(foreign.body).toMatchObject({ status: 403, type: expect.stringContaining('not-your-item') });
    await put(randomUUID(), p.keys.department, { caseNumber: 'GP 2026/1234' }).expect(404);
    expect(await stored(id)).toBeNull();

    const first = await put(id, p.keys.department, { caseNumber: 'GP 2026/1234' }).expect(200);
    expect(first.body.caseNumber).toBe('GP 2026/1234');
    expect(first.body.history.filter((h: { action: string }) => h.action === 'case_number_recorded'))
      .toEqual([expect.objectContaining({ actor: 'gata_park', details: { caseNumber: 'GP 2026/1234' } })]);
    // the same number again: no second history row, no second event
    const again = await put(id, p.keys.department, { caseNumber: 'GP 2026/1234' }).expect(200);
    expect(again.body.history.filter((h: { action: string }) => h.action === 'case_number_recorded')).toHaveLength(1);

    // the citizen sees it on the follow page, in their language, and in the status API; staff in intake's view
    const page = await waitFor('the case number on the follow page', async () => {
      const r = await request(p.urls.intake!).get('/arende').query({ reference: created.reference, token: created.trackingToken, lang: 'sv' });
      return r.text.includes('id="case-number"') ? r.text : undefined;
    }, 15000);
    expect(page).toContain('Ärendet har diarienummer <bdi>GP 2026/1234</bdi> hos förvaltningen.');
    const status = await request(p.urls.intake!).get(`/v1/inquiries/${created.reference}`).query({ token: created.trackingToken }).expect(200);
    expect(status.body.caseNumber).toBe('GP 2026/1234');
    const staff = await request(p.urls.intake!).get(`/v1/inquiries/${id}`).set('x-api-key', p.keys.department).expect(200);
    expect(staff.body.caseNumber).toBe('GP 2026/1234');

    // another number replaces it
    const replaced = await put(id, p.keys.department, { caseNumber: 'GP 2026/1240' }).expect(200);
    expect(replaced.body.caseNumber).toBe('GP 2026/1240');
    expect(replaced.body.history.filter((h: { action: string }) => h.action === 'case_number_recorded').map((h: { details: unknown }) => h.details))
      .toEqual([{ caseNumber: 'GP 2026/1234' }, { caseNumber: 'GP 2026/1240', previous: 'GP 2026/1234' }]);
    await waitFor('the new number for the citizen', async () =>
      (await request(p.urls.intake!).get(`/v1/inquiries/${created.reference}`).query({ token: created.trackingToken })).body.caseNumber === 'GP 2026/1240', 15000);
    // one inquiry's events reach intake in order: a second event for the repeated number would have come before this one
    expect(await received()).toBe(2);

    // a late, older event (another instance, a redelivery) does not bring the old number back
    const late = event(EventTypes.InquiryCaseNumberRecorded,
      { inquiryId: id, department: 'gata_park', caseNumber: 'GP 2026/0001', recordedBy: 'gata_park', at: new Date(Date.now() - 3600_000).toISOString() });
    await publishEvents(p.env, [late, late]);
    await waitFor('the late event handled', async () => (await intake.query(`SELECT 1 FROM intake.inbox WHERE event_id = $1`, [late.id])).length > 0, 15000);
    expect((await intake.query(`SELECT case_number FROM intake.inquiries WHERE id = $1`, [id]))[0].case_number).toBe('GP 2026/1240');

    // a resolved item takes no new number
    await request(p.urls.routing!).post(`/v1/work/${id}/resolve`).set('x-api-key', p.keys.department).send({ resolutionCode: 'case_created' }).expect(200);
    const closed = await put(id, p.keys.department, { caseNumber: 'GP 2026/9999' }).expect(409);
    expect(closed.headers['content-type']).toContain('application/problem+json');
    expect(await stored(id)).toBe('GP 2026/1240');
    expect((await routing.query(`SELECT count(*)::int AS n FROM routing.work_history WHERE inquiry_id = $1 AND action = 'case_number_recorded'`, [id]))[0].n).toBe(2);
  });
});

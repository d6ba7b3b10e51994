import request from 'supertest';
import { DataSource } from 'typeorm';
import { waitFor } from '@lotsen/testing';
import { startPlatform, TestPlatform } from '../support/platform';

// A retraining on every labelled example (over 1,300) takes 45–90 s on two busy cores.
const RETRAIN_TIMEOUT_MS = 300_000;

describe('routing: classification and model versions', () => {
  let p: TestPlatform;
  let db: DataSource;

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing']);
    db = p.apps.routing!.get(DataSource);
  });
  afterAll(() => p?.close());

  const classify = (body: string) =>
    request(p.urls.routing!).post('/v1/classify').set('x-api-key', p.keys.agent).send({ body });

  it('classifies free text with department, category, type, confidence and explanation', async () => {
    const res = await classify('Det är ett stort hål i asfalten på Storgatan, min cykel gick sönder.').expect(200);
    expect(res.body).toMatchObject({
      department: 'gata_park', category: 'pothole_road_damage', type: expect.any(String), firstContactResolvable: expect.any(Boolean),
      urgent: expect.any(Boolean), language: 'sv', confidence: expect.any(Number), modelVersion: 1,
    });
    expect(res.body.explanation.length).toBeGreaterThan(0);
    const ar = await classify('الحاوية لم تفرغ منذ أسبوعين والقمامة في كل مكان').expect(200);
    expect(ar.body.language).toBe('ar');
  });

  it('refuses a broken model file and an empty training set with 422, keeping the active model', async () => {
    const broken = await request(p.urls.routing!).post('/v1/models').set('x-api-key', p.keys.admin).send({ version: 1, kind: 'nonsense', heads: {} }).expect(422);
    expect(broken.headers['content-type']).toMatch(/problem\+json/);
    expect(broken.body.type).toMatch(/invalid-model$/);
    const empty = await request(p.urls.routing!).post('/v1/models/train').set('x-api-key', p.keys.admin)
      .send({ includeDevData: false, includeResolved: false }).expect(422);
    expect(empty.body.type).toMatch(/training-failed$/);
    const degenerate = await request(p.urls.routing!).post('/v1/models/train').set('x-api-key', p.keys.admin)
      .send({ includeDevData: false, includeResolved: false, examples: [{ text: 'hej', department: 'gata_park', type: 'information', firstContactResolvable: false, urgent: false }] }).expect(422);
    expect(degenerate.body.detail).toMatch(/previous model stays active/);
    await request(p.urls.routing!).post('/v1/models/train').set('x-api-key', p.keys.agent).send({}).expect(403);

    const models = await request(p.urls.routing!).get('/v1/models').set('x-api-key', p.keys.admin).expect(200);
    expect(models.body).toHaveLength(1);
    expect(models.body[0]).toMatchObject({ version: 1, status: 'active' });
    expect((await classify('Gatlampan är släckt på Parkvägen').expect(200)).body.modelVersion).toBe(1);
  });

  it('retrains into a new active version, and falls back to the previous one if the stored model is corrupt', async () => {
    const trained = await request(p.urls.routing!).post('/v1/models/train').set('x-api-key', p.keys.admin).send({}).expect(201);
    expect(trained.body).toMatchObject({ version: 2, status: 'active', examples: expect.any(Number) });
    expect(trained.body.examples).toBeGreaterThanOrEqual(300);
    await waitFor('version 2 in use', async () => (await classify('Gatlampan är släckt').expect(200)).body.modelVersion === 2, 10000, 200);

    // a corrupt row (e.g. a bad restore) becomes active: routing keeps classifying with version 2
    await db.query(`UPDATE routing.models SET status = 'retired' WHERE tenant_id = 'demo'`);
    await db.query(`INSERT INTO routing.models (tenant_id, version, status, source, examples, model) VALUES ('demo', 3, 'active', 'import', 0, '{"broken": true}')`);
    await new Promise((r) => setTimeout(r, 3500)); // the registry re-checks the active version every few seconds
    const res = await classify('Gatlampan är släckt').expect(200);
    expect(res.body.modelVersion).toBe(2);

    // and inquiries still route
    const posted = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', body: 'Soptunnan har inte tömts på två veckor.' }).expect(202);
    const routed = await waitFor('routed', async () => (await db.query(`SELECT department, model_version FROM routing.decisions WHERE inquiry_id = $1`, [posted.body.id]))[0]);
    expect(routed.model_version).toBe(2);

    // rollback to version 1 via the API
    await request(p.urls.routing!).post('/v1/models/1/activate').set('x-api-key', p.keys.admin).expect(200);
    await request(p.urls.routing!).post('/v1/models/99/activate').set('x-api-key', p.keys.admin).expect(404);
    expect((await classify('Gatlampan är släckt').expect(200)).body.modelVersion).toBe(1);
  }, RETRAIN_TIMEOUT_MS);
});

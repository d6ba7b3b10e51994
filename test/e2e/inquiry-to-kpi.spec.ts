import request from 'supertest';
import { waitFor } from '@lotsen/testing';
import { startPlatform, TestPlatform } from '../support/platform';

describe('an inquiry followed end to end through the broker', () => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing', 'notifications', 'reporting']);
  });
  afterAll(() => p?.close());

  it('is accepted by intake, seen by routing and notifications, and counted by reporting', async () => {
    const res = await request(p.urls.intake!)
      .post('/v1/inquiries')
      .set('x-api-key', p.keys.web)
      .send({ channel: 'web', subject: 'Trasig gatlampa', body: 'Gatlampan på Storgatan 12 är trasig.', citizen: { email: 'anna@example.se', notify: true } })
      .expect(202);
    expect(res.body).toEqual({ id: expect.any(String), reference: expect.stringMatching(/^KC-\d{4}-\d{6}$/), trackingToken: expect.any(String), status: 'received' });

    const kpis = await waitFor('reporting to count the inquiry', async () => {
      const k = await request(p.urls.reporting!).get('/v1/kpis?groupBy=channel').set('x-api-key', p.keys.supervisor);
      return k.body.volume?.received === 1 ? k.body : undefined;
    });
    expect(kpis.groups).toEqual([expect.objectContaining({ channel: 'web', received: 1 })]);

    const routing = await waitFor('routing to decide', async () => {
      const r = await request(p.urls.routing!).get(`/v1/inquiries/${res.body.id}/routing`).set('x-api-key', p.keys.supervisor);
      return r.status === 200 ? r.body : undefined;
    });
    expect(routing.decision).toMatchObject({ department: 'gata_park', category: 'street_lighting' });
    await waitFor('intake to show who handles it', async () => {
      const r = await request(p.urls.intake!).get(`/v1/inquiries/${res.body.reference}`).query({ token: res.body.trackingToken });
      return r.body.status === 'in_progress';
    });
  });
});

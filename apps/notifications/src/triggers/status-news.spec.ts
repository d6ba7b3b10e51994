import { HEARD_CENTER, statusNews } from './status-news';

describe('status news', () => {
  it('the contact center taking a first-line or triage inquiry is no news after the receipt', () => {
    expect(statusNews('routed', 'kontaktcenter', undefined)).toBeUndefined();
    expect(statusNews('routed', 'triage', undefined)).toBeUndefined();
    expect(statusNews('assigned', 'kontaktcenter', HEARD_CENTER)).toBeUndefined();
  });

  it('a department taking it is news once, told as a forwarding', () => {
    const routed = statusNews('routed', 'gata_park', undefined);
    expect(routed).toEqual({ heard: 'department:gata_park', status: 'routed' });
    expect(statusNews('transferred', 'gata_park', routed!.heard)).toBeUndefined();
    expect(statusNews('assigned', 'gata_park', routed!.heard)).toEqual({ heard: 'assigned:gata_park', status: 'assigned' });
    // A transfer to a department the citizen never heard of is, to them, a forwarding.
    expect(statusNews('transferred', 'miljo', undefined)).toEqual({ heard: 'department:miljo', status: 'routed' });
    expect(statusNews('transferred', 'miljo', routed!.heard)).toEqual({ heard: 'department:miljo', status: 'transferred' });
  });

  it('the inquiry coming back to the center is news for a citizen told of a department', () => {
    expect(statusNews('transferred', 'kontaktcenter', 'department:gata_park')).toEqual({ heard: HEARD_CENTER, status: 'returned' });
  });
});

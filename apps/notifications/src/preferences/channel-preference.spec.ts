import { chooseChannel } from './channel-preference';

describe('channel preference', () => {
  it('uses the preferred channel when its address was given, else e-mail, else SMS', () => {
    expect(chooseChannel({ email: 'a@example.se', phone: '0701234567', preferredChannel: 'sms' })).toEqual({ channel: 'sms', address: '0701234567' });
    expect(chooseChannel({ email: 'a@example.se', phone: '0701234567' })).toEqual({ channel: 'email', address: 'a@example.se' });
    expect(chooseChannel({ email: 'a@example.se', preferredChannel: 'sms' })).toEqual({ channel: 'email', address: 'a@example.se' });
    expect(chooseChannel({ phone: '0701234567', preferredChannel: 'email' })).toEqual({ channel: 'sms', address: '0701234567' });
    expect(chooseChannel({})).toBeUndefined();
  });
});

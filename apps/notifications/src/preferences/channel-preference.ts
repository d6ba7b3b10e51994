// Which address a message goes to: the citizen's preferred channel when they gave that address,
// else e-mail, else SMS. No address, no message.

export interface ContactAddresses {
  email?: string;
  phone?: string;
  preferredChannel?: string;
}

export function chooseChannel(c: ContactAddresses): { channel: 'email' | 'sms'; address: string } | undefined {
  if (c.preferredChannel === 'sms' && c.phone) return { channel: 'sms', address: c.phone };
  if (c.email) return { channel: 'email', address: c.email };
  if (c.phone) return { channel: 'sms', address: c.phone };
  return undefined;
}

import { DEV_NOTIFICATIONS_SECRET, loadNotificationsConfig } from './notifications.config';

describe('notifications config: secrets in production', () => {
  const prod = {
    NODE_ENV: 'production',
    NOTIFICATIONS_DATABASE_URL: 'postgres://lotsen_notifications:5e4d3c2b1a@db:5432/lotsen',
    AMQP_URL: 'amqp://lotsen:8d3c1b0a9e@mq:5672',
    NOTIFICATIONS_SECRET: '7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d',
    NOTIFICATIONS_SMTP_URL: 'smtp://kontakt:a1b2c3d4@smtp.kommun.se:587',
    NOTIFICATIONS_SMS_URL: 'https://u123:f00dfeed@api.46elks.com/a1',
  };

  it('starts with real values', () => {
    expect(loadNotificationsConfig(prod).secret).toBe(prod.NOTIFICATIONS_SECRET);
  });

  it('refuses the public development secret (anyone could forge an opt-out with it)', () => {
    expect(() => loadNotificationsConfig({ ...prod, NOTIFICATIONS_SECRET: DEV_NOTIFICATIONS_SECRET })).toThrow(/NOTIFICATIONS_SECRET .*development value/);
    expect(() => loadNotificationsConfig({ ...prod, NOTIFICATIONS_SECRET: undefined })).toThrow(/NOTIFICATIONS_SECRET .*required/);
    expect(() => loadNotificationsConfig({ ...prod, NOTIFICATIONS_SECRET: 'CHANGE-ME-notifications-secret-16-chars' })).toThrow(/NOTIFICATIONS_SECRET .*placeholder/);
  });

  it('wants the mail and SMS providers named, without template placeholders, and never prints their passwords', () => {
    expect(() => loadNotificationsConfig({ ...prod, NOTIFICATIONS_SMTP_URL: undefined })).toThrow(/NOTIFICATIONS_SMTP_URL .*required/);
    expect(() => loadNotificationsConfig({ ...prod, NOTIFICATIONS_SMS_URL: 'https://CHANGE-ME:CHANGE-ME@api.46elks.com/a1' })).toThrow(/NOTIFICATIONS_SMS_URL .*placeholder/);
    expect(() => loadNotificationsConfig({ ...prod, NOTIFICATIONS_SMTP_URL: 'imap://kontakt:pa55w0rd-x@mail' })).toThrow(/smtpUrl: .*value not shown/);
    expect(() => loadNotificationsConfig({ ...prod, NOTIFICATIONS_SMTP_URL: 'imap://kontakt:pa55w0rd-x@mail' })).not.toThrow(/pa55w0rd-x/);
  });

  it('in development falls back to the development values', () => {
    expect(loadNotificationsConfig({}).secret).toBe(DEV_NOTIFICATIONS_SECRET);
  });
});

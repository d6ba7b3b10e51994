import type { Client } from 'pg';

/**
 * Seeds the demo municipality's notifications data (called by scripts/setup/seed-demo.ts inside its
 * transaction, after the staff API keys are written). Must be idempotent: npm start may run it again.
 */
export async function seedNotificationsDemo(_db: Client, _ctx: { tenantId: string; keys: Record<string, string> }): Promise<void> {
  // filled in by the notifications service
}

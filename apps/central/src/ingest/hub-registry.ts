import { randomBytes } from 'node:crypto';
import { centralHubIdSchema } from '@layso/shared';
import type { SqlClient } from '../store/sql-client.js';

export interface RegisteredHub {
  id: string;
  name: string;
  province: string;
  secret: string;
}

/** The hubs allowed to stream to central, each with its own signing secret. */
export class HubRegistry {
  constructor(private readonly db: SqlClient) {}

  /** Registers a hub (or rotates its secret) and returns the secret to put in the hub's settings. */
  async register(hub: { id: string; name: string; province: string; secret?: string }): Promise<RegisteredHub> {
    const id = centralHubIdSchema.parse(hub.id);
    const secret = hub.secret ?? randomBytes(32).toString('base64url');
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO hubs (id, name, province, secret) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, province = EXCLUDED.province, secret = EXCLUDED.secret, disabled_at = NULL`,
        [id, hub.name, hub.province, secret],
      );
      await tx.query('INSERT INTO hub_progress (hub_id) VALUES ($1) ON CONFLICT DO NOTHING', [id]);
    });
    return { id, name: hub.name, province: hub.province, secret };
  }

  /** An enabled hub, or null. */
  async find(id: string): Promise<RegisteredHub | null> {
    const { rows } = await this.db.query<RegisteredHub>('SELECT id, name, province, secret FROM hubs WHERE id = $1 AND disabled_at IS NULL', [id]);
    return rows[0] ?? null;
  }
}

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';

export const ROLES = ['coordinator', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface TokenOwner {
  id: string;
  name: string;
  role: Role;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a token and returns it; only its SHA-256 is stored, so this is the one time it is seen.
 * 32 random bytes: a plain hash (no salt, no stretching) is enough for a secret this long. */
export async function createApiToken(q: Queryable, role: Role, name: string): Promise<string> {
  if (!isRole(role)) throw new Error(`onbekende rol: ${String(role)}`);
  const trimmed = name.trim();
  if (!trimmed) throw new Error('een token heeft een naam nodig');
  const token = `woo_${randomBytes(32).toString('base64url')}`;
  await q.query('INSERT INTO api_tokens (id, name, role, token_hash) VALUES ($1, $2, $3, $4)', [
    randomUUID(),
    trimmed,
    role,
    hashToken(token),
  ]);
  return token;
}

export async function findTokenOwner(q: Queryable, token: string): Promise<TokenOwner | undefined> {
  const { rows } = await q.query<TokenOwner>(
    'SELECT id, name, role FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  return rows[0];
}

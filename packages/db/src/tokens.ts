import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';

/** `publisher` reads only the public outputs (routes tagged 'openbaar'); admins may do everything. */
export const ROLES = ['coordinator', 'reviewer', 'publisher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The team of every token created without one, and of everything that predates teams. */
export const DEFAULT_TEAM = 'standaard';

/** Lower-case letters, digits, - and _, as in `wonen` or `ruimtelijke-ordening`. */
export const TEAM_NAME = /^[a-z0-9][a-z0-9_-]{0,49}$/;

export function isTeamName(value: string): boolean {
  return TEAM_NAME.test(value);
}

export interface TokenOwner {
  id: string;
  name: string;
  role: Role;
  teams: string[];
}

export interface TokenInfo extends TokenOwner {
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface TokenOptions {
  /** Default: the default team only. */
  teams?: readonly string[];
  expiresAt?: Date;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a token and returns it; only its SHA-256 is stored, so this is the one time it is seen.
 * 32 random bytes: a plain hash (no salt, no stretching) is enough for a secret this long. */
export async function createApiToken(q: Queryable, role: Role, name: string, options: TokenOptions = {}): Promise<string> {
  if (!isRole(role)) throw new Error(`onbekende rol: ${String(role)}`);
  const trimmed = name.trim();
  if (!trimmed) throw new Error('een token heeft een naam nodig');
  const teams = [...new Set(options.teams?.length ? options.teams : [DEFAULT_TEAM])];
  const invalid = teams.find((t) => !isTeamName(t));
  if (invalid !== undefined) throw new Error(`ongeldige teamnaam: '${invalid}'`);
  const token = `woo_${randomBytes(32).toString('base64url')}`;
  // one statement, so a token never exists without its teams
  await q.query(
    `WITH t AS (INSERT INTO api_tokens (id, name, role, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id)
     INSERT INTO api_token_teams (token_id, team) SELECT t.id, team FROM t, unnest($6::text[]) AS team`,
    [randomUUID(), trimmed, role, hashToken(token), options.expiresAt ?? null, teams],
  );
  return token;
}

const WITH_TEAMS = `SELECT t.id, t.name, t.role, t.created_at, t.expires_at, t.revoked_at,
  coalesce(array_agg(tt.team ORDER BY tt.team) FILTER (WHERE tt.team IS NOT NULL), '{}') AS teams
  FROM api_tokens t LEFT JOIN api_token_teams tt ON tt.token_id = t.id`;

/** The owner of a valid token: not revoked and not expired. */
export async function findTokenOwner(q: Queryable, token: string): Promise<TokenOwner | undefined> {
  const { rows } = await q.query<TokenOwner>(
    `${WITH_TEAMS} WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) GROUP BY t.id`,
    [hashToken(token)],
  );
  const r = rows[0];
  return r && { id: r.id, name: r.name, role: r.role, teams: r.teams };
}

interface TokenRow extends TokenOwner {
  created_at: Date | string;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export async function listApiTokens(q: Queryable): Promise<TokenInfo[]> {
  const { rows } = await q.query<TokenRow>(`${WITH_TEAMS} GROUP BY t.id ORDER BY t.created_at, t.id`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    teams: r.teams,
    createdAt: iso(r.created_at)!,
    expiresAt: iso(r.expires_at),
    revokedAt: iso(r.revoked_at),
  }));
}

/** Revokes a token by its id; false when there is no such token or it was already revoked. */
export async function revokeApiToken(q: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE api_tokens SET revoked_at = now() WHERE id::text = $1 AND revoked_at IS NULL', [id]);
  return rowCount === 1;
}

import { createApiToken, isRole, isTeamName, listApiTokens, openMigratedDatabase, revokeApiToken, ROLES, type Database } from '@woo/db';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `90d` (days from `now`) or an ISO date (`2027-03-01`, `2027-03-01T12:00Z`); a Dutch reason otherwise. */
export function parseExpiry(value: string, now = new Date()): Date | string {
  const days = /^(\d{1,5})d$/.exec(value.trim());
  const at = days ? new Date(now.getTime() + Number(days[1]) * DAY_MS) : /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime())) return `onbegrijpelijke vervaldatum '${value}'; gebruik bijv. 90d of 2027-03-01`;
  if (at.getTime() <= now.getTime()) return `de vervaldatum '${value}' ligt niet in de toekomst`;
  return at;
}

async function withDatabase(fn: (db: Database, location: string) => Promise<number>): Promise<number> {
  const { db, location } = await openMigratedDatabase();
  try {
    return await fn(db, location);
  } finally {
    await db.close();
  }
}

function usage(message: string): number {
  process.stderr.write(`woo-redact: ${message}\n`);
  return 2;
}

/** `woo-redact token create`: prints the new token on stdout and nothing else, so scripts can
 * capture it (`TOKEN=$(npx woo-redact token create ...)`); everything else goes to stderr. */
export async function tokenCreateCommand(opts: { role: string; name: string; team?: string[]; expires?: string }): Promise<number> {
  if (!isRole(opts.role)) return usage(`onbekende rol '${opts.role}'; kies uit ${ROLES.join(', ')}`);
  const badTeam = opts.team?.find((t) => !isTeamName(t));
  if (badTeam !== undefined) return usage(`ongeldige teamnaam '${badTeam}'; gebruik kleine letters, cijfers, - en _ (bijv. wonen)`);
  const expiresAt = opts.expires === undefined ? undefined : parseExpiry(opts.expires);
  if (typeof expiresAt === 'string') return usage(expiresAt);
  const role = opts.role;
  return withDatabase(async (db, location) => {
    const token = await createApiToken(db, role, opts.name, { ...(opts.team?.length ? { teams: opts.team } : {}), ...(expiresAt ? { expiresAt } : {}) });
    process.stdout.write(`${token}\n`);
    const until = expiresAt ? `, geldig tot ${expiresAt.toISOString()}` : '';
    process.stderr.write(`Token '${opts.name}' (${role}) aangemaakt in ${location}${until}. Bewaar het goed: het wordt niet opnieuw getoond.\n`);
    return 0;
  });
}

/** `woo-redact token list`: one tab-separated line per token on stdout, never a token itself. */
export async function tokenListCommand(): Promise<number> {
  return withDatabase(async (db) => {
    const now = Date.now();
    process.stdout.write('id\tnaam\trol\tteams\taangemaakt\tvervalt\tstatus\n');
    for (const t of await listApiTokens(db)) {
      const status = t.revokedAt ? `ingetrokken ${t.revokedAt}` : t.expiresAt && Date.parse(t.expiresAt) <= now ? 'verlopen' : 'geldig';
      process.stdout.write([t.id, t.name, t.role, t.teams.join(','), t.createdAt, t.expiresAt ?? '-', status].join('\t') + '\n');
    }
    return 0;
  });
}

/** `woo-redact token revoke <id>`: exit 1 when there is no such (unrevoked) token. */
export async function tokenRevokeCommand(id: string): Promise<number> {
  return withDatabase(async (db) => {
    if (!(await revokeApiToken(db, id.trim()))) {
      process.stderr.write(`woo-redact: geen geldig token met id '${id}' (zie woo-redact token list)\n`);
      return 1;
    }
    process.stderr.write(`Token ${id} is ingetrokken.\n`);
    return 0;
  });
}

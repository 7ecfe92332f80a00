import { createApiToken, isRole, openMigratedDatabase, ROLES } from '@woo/db';

/** `woo-redact token create`: prints the new token on stdout and nothing else, so scripts can
 * capture it (`TOKEN=$(npx woo-redact token create ...)`); everything else goes to stderr. */
export async function tokenCreateCommand(opts: { role: string; name: string }): Promise<number> {
  if (!isRole(opts.role)) {
    process.stderr.write(`woo-redact: onbekende rol '${opts.role}'; kies uit ${ROLES.join(', ')}\n`);
    return 2;
  }
  const { db, location } = await openMigratedDatabase();
  try {
    const token = await createApiToken(db, opts.role, opts.name);
    process.stdout.write(`${token}\n`);
    process.stderr.write(`Token '${opts.name}' (${opts.role}) aangemaakt in ${location}. Bewaar het goed: het wordt niet opnieuw getoond.\n`);
    return 0;
  } finally {
    await db.close();
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addOrgListEntries, readOrgLists, removeOrgListEntry, type Actor } from '@woo/db';
import { probeInfra, useTestDatabase } from '@woo/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { orgDetector } from '../src/org-detector.js';

const infra = await probeInfra({ postgres: true });
const coordinator: Actor = { name: 'Coördinator', role: 'coordinator' };

/* The organisation's lists in the database drive every detect job; the deployment's files seed them. */
describe.skipIf(!infra.ok)('the detector of a detect job', () => {
  const { db: database } = useTestDatabase('t_orglists');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woo-lists-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const text = 'Gesprek met Karin Oosterhuis en Sanne Visser over de subsidie. Vragen via wijkteam-noord@gemeente.nl of Projectnaam Zilvermeeuw.';
  const found = (detections: Array<{ text: string; confidence: number }>) => detections.filter((d) => d.confidence >= 0.5).map((d) => d.text);

  it('is seeded from WOO_OFFICIALS_FILE, WOO_KEEP_FILE and WOO_REDACT_FILE and follows list changes made afterwards', async () => {
    const db = database();
    fs.writeFileSync(path.join(dir, 'officials.txt'), '# bestuurders\nKarin Oosterhuis\n');
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'Sanne Visser\n');
    fs.writeFileSync(path.join(dir, 'redact.txt'), 'Zilvermeeuw\n');
    const env = { WOO_OFFICIALS_FILE: path.join(dir, 'officials.txt'), WOO_KEEP_FILE: path.join(dir, 'keep.txt'), WOO_REDACT_FILE: path.join(dir, 'redact.txt') };

    const forJob = orgDetector(db, env);
    const seeded = found((await forJob()).detect(text));
    expect(await readOrgLists(db)).toEqual({ officials: ['Karin Oosterhuis'], mailboxes: [], keep: ['Sanne Visser'], redact: ['Zilvermeeuw'] });
    expect(seeded).not.toContain('Karin Oosterhuis');
    expect(seeded).not.toContain('Sanne Visser');
    expect(seeded).toContain('Zilvermeeuw');
    expect(seeded.join(' ')).toMatch(/wijkteam/);

    // a change through the API applies to the next job; the files do not undo it in this process
    await removeOrgListEntry(db, 'keep', 'sanne  visser', coordinator);
    await addOrgListEntries(db, 'mailboxes', ['wijkteam-noord@gemeente.nl'], coordinator);
    const changed = found((await forJob()).detect(text));
    expect(changed).toContain('Sanne Visser');
    expect(changed.join(' ')).not.toMatch(/wijkteam/);

    // another process seeds again: what the files name is back, the API's additions stay
    await orgDetector(db, env)();
    expect((await readOrgLists(db)).keep).toEqual(['Sanne Visser']);
    expect((await readOrgLists(db)).mailboxes).toEqual(['wijkteam-noord@gemeente.nl']);
  });
});

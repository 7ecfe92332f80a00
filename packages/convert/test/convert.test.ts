import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import CFB from 'cfb';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { eml } from '../../../fixtures/mail-office/mime.js';
import { msg } from '../../../fixtures/mail-office/msg.js';
import { convertLimits, convertStage, type ConvertedPart } from '../src/index.js';

/* The convert stage without LibreOffice: mail, archives and the inputs that must fail alone.
 * Office conversion is covered end to end (packages/cli/test/mail-office.e2e.test.ts). */

const work = mkdtempSync(path.join(os.tmpdir(), 'woo-convert-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pdfText(part: ConvertedPart): string {
  const file = path.join(work, 'part.pdf');
  writeFileSync(file, part.working!);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const date = new Date(Date.UTC(2024, 4, 2, 8, 30));
const limits = { ...convertLimits({}), maxDepth: 2 };

describe('convertStage: e-mail', () => {
  it('prints an .eml as a Dutch e-mail with display name and address together, and makes each attachment a part of its family', async () => {
    const inner = eml({ from: 'Karin Smit <k.smit@example.nl>', to: 'Team <team@gemeente.nl>', date, subject: 'Binnen', text: 'Tekst van het binnenste bericht.' }, 'i');
    const bytes = eml(
      {
        from: 'Jan de Vries <jan.devries@example.nl>',
        to: 'Ingrid Öztürk <i.ozturk@gemeente.nl>',
        cc: 'Piet Bakker <piet@example.nl>',
        date,
        subject: 'Vraag over de vergunning',
        html: '<p>Beste mevrouw,</p><table><tr><td>Kenmerk</td><td>Z-2024-17</td></tr></table><div style="display:none">verborgen 06-12345678</div><img src="cid:logo">',
        attachments: [
          { fileName: 'doorgestuurd.eml', contentType: 'message/rfc822', bytes: inner },
          { fileName: 'logo.gif', contentType: 'image/gif', bytes: strToU8('GIF89a....'), contentId: 'logo' },
        ],
      },
      'o',
    );
    const parts = await convertStage('vraag.eml', bytes, limits);
    expect(parts.map((p) => [p.displayName, p.kind, p.parentIndex, p.familyPosition])).toEqual([
      ['vraag.eml', 'eml', undefined, 0],
      ['vraag.eml › doorgestuurd.eml', 'eml', 0, 1],
      ['vraag.eml › logo.gif', 'unsupported', 0, 2],
    ]);
    const text = pdfText(parts[0]!);
    expect(text).toMatch(/Van:\s+Jan de Vries <jan\.devries@example\.nl>/);
    expect(text).toMatch(/Aan:\s+Ingrid Öztürk <i\.ozturk@gemeente\.nl>/);
    expect(text).toMatch(/CC:\s+Piet Bakker <piet@example\.nl>/);
    expect(text).toMatch(/Datum:\s+donderdag 2 mei 2024 om 10:30/);
    expect(text).toMatch(/Onderwerp:\s+Vraag over de vergunning/);
    expect(text).toMatch(/Kenmerk\s+Z-2024-17/);
    // what CSS hides in a mail is shown, so it is read
    expect(text).toContain('verborgen 06-12345678');
    expect(pdfText(parts[1]!)).toContain('Tekst van het binnenste bericht.');
    // an image the print cannot draw is a part of its own, never dropped
    expect(parts[2]!.failure?.code).toBe('unsupported');
  });

  it('reads an Outlook .msg: sender, To and CC, date, body and attachments', async () => {
    const bytes = msg({
      subject: 'Afspraak',
      senderName: 'Sanne Mulder',
      senderEmail: 'sanne@example.nl',
      recipients: [{ name: 'Bram Kuipers', email: 'b.kuipers@gemeente.nl', type: 'to' }, { name: 'Fleur de Haan', email: 'fleur@example.nl', type: 'cc' }],
      date,
      body: 'Graag een afspraak volgende week.',
      attachments: [{ fileName: 'bijlage.pdf', bytes: strToU8('%PDF-1.4\n%%EOF') }],
    });
    const parts = await convertStage('afspraak.msg', bytes, limits);
    expect(parts.map((p) => [p.displayName, p.kind, p.parentIndex])).toEqual([
      ['afspraak.msg', 'msg', undefined],
      ['afspraak.msg › bijlage.pdf', 'pdf', 0],
    ]);
    const text = pdfText(parts[0]!);
    expect(text).toMatch(/Van:\s+Sanne Mulder <sanne@example\.nl>/);
    expect(text).toMatch(/Aan:\s+Bram Kuipers <b\.kuipers@gemeente\.nl>/);
    expect(text).toMatch(/CC:\s+Fleur de Haan <fleur@example\.nl>/);
    expect(text).toContain('Graag een afspraak volgende week.');
  });

  it('fails mail nested deeper than the limit, and damaged mail, alone with a Dutch message', async () => {
    let message = eml({ from: 'A <a@example.nl>', to: 'B <b@example.nl>', date, subject: 'niveau 0', text: 'x' }, 'n0');
    for (let level = 1; level <= 3; level++) {
      message = eml({ from: 'A <a@example.nl>', to: 'B <b@example.nl>', date, subject: `niveau ${level}`, text: 'x', attachments: [{ fileName: `niveau-${level - 1}.eml`, contentType: 'message/rfc822', bytes: message }] }, `n${level}`);
    }
    const parts = await convertStage('keten.eml', message, limits);
    expect(parts).toHaveLength(4);
    expect(parts.slice(0, 3).every((p) => p.working && !p.failure)).toBe(true);
    expect(parts[3]!.failure?.message).toMatch(/dieper genest dan 2 niveaus/);
    const [broken] = await convertStage('kapot.msg', strToU8('dit is geen Outlook-bericht'), limits);
    expect(broken!.failure).toEqual({ code: 'corrupt', message: expect.stringContaining('Outlook-bericht (.msg) is beschadigd') });
    const [noMail] = await convertStage('leeg.eml', new Uint8Array([0, 1, 2, 3, 255, 254]), limits);
    expect(noMail!.failure?.message).toContain('e-mailbericht (.eml) is beschadigd');
  });
});

describe('convertStage: archives and what cannot be converted', () => {
  it('unpacks a zip as its files, in order, and fails what it cannot process alone', async () => {
    const zip = zipSync({ 'b/tweede.pdf': strToU8('%PDF-1.4\n%%EOF'), 'a/eerste.txt': strToU8('tekst'), '__MACOSX/._x': strToU8('x') });
    const parts = await convertStage('stukken.zip', zip, limits);
    expect(parts.map((p) => [p.displayName, p.kind, p.failure?.code])).toEqual([
      ['stukken.zip › a/eerste.txt', 'unsupported', 'unsupported'],
      ['stukken.zip › b/tweede.pdf', 'pdf', undefined],
    ]);
    expect(parts[0]!.failure?.message).toMatch(/^Dit bestandstype \(\.txt\) wordt niet ondersteund/);
  });

  it('refuses a zip bomb by the declared sizes and counts, before inflating', async () => {
    const bomb = zipSync({ 'nul.pdf': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const [tooBig] = await convertStage('bom.zip', bomb, { ...limits, maxUnpackedBytes: 16 * 1024 * 1024 });
    expect(tooBig!.failure?.code).toBe('too-large');
    const many = zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.pdf`, strToU8('%PDF-1.4')])));
    const [tooMany] = await convertStage('veel.zip', many, { ...limits, maxParts: 10 });
    expect(tooMany!.failure?.message).toContain('meer dan 10 bestanden');
    const [broken] = await convertStage('kapot.zip', strToU8('PK\u0003\u0004 kapot'), limits);
    expect(broken!.failure?.code).toBe('corrupt');
  });

  it('fails a password-protected Office file with its own message', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.alloc(64));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(64));
    const [part] = await convertStage('geheim.docx', new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer), limits);
    expect(part!.failure).toEqual({ code: 'encrypted', message: expect.stringContaining('beveiligd met een wachtwoord') });
  });

  it('fails unknown and empty files alone, naming what is accepted', async () => {
    const [unknown] = await convertStage('foto.heic', strToU8('....ftypheic'), limits);
    expect(unknown!.failure?.message).toContain('Dit bestandstype (.heic) wordt niet ondersteund');
    const [empty] = await convertStage('leeg.pdf', new Uint8Array(0), limits);
    expect(empty!.failure?.code).toBe('empty');
  });
});

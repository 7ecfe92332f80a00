import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentError } from '@woo/core';
import type { ConvertLimits } from '../limits.js';

/* One LibreOffice process per conversion, in a private temporary profile, with an address-space
 * limit (prlimit), a time limit (GNU timeout kills LibreOffice's whole process group, even when
 * the process that started it was killed first) and, where the kernel allows it, no network at
 * all (a fresh network namespace): a hanging or hostile file fails alone and nothing is fetched.
 * The profile forbids macros and never updates links. */

const SOFFICE = process.env.SOFFICE_PATH || 'soffice';

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>1</value></prop></item>
</oor:items>
`;

/** PDF export filter per application, with what must not be left out: hidden slides and notes
 * pages of presentations. */
function exportFilter(extension: string): string {
  if (/^(xlsx|xlsm|xltx|xls|ods)$/.test(extension)) return 'calc_pdf_Export';
  if (/^(pptx|pptm|ppt|odp)$/.test(extension)) {
    const options = { ExportHiddenSlides: { type: 'boolean', value: 'true' }, ExportNotesPages: { type: 'boolean', value: 'true' } };
    return `impress_pdf_Export:${JSON.stringify(options)}`;
  }
  return 'writer_pdf_Export';
}

let networkNamespace: boolean | undefined;
/** Whether `unshare -rn` works here (it does not in most containers with the default seccomp
 * profile; there the profile settings and the cut links are the guard). */
function canIsolateNetwork(): boolean {
  networkNamespace ??= spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  return networkNamespace;
}

/** Exit status of `timeout -s KILL` when the time ran out (128 + SIGKILL). */
const TIMED_OUT = 137;

function run(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Where a conversion goes: a PDF, or (for old binary formats, whose hidden content can only be
 * shown once they are a package) the matching OOXML format. */
export type OfficeTarget = 'pdf' | 'docx' | 'xlsx' | 'pptx';

const TARGET_FILTERS: Record<Exclude<OfficeTarget, 'pdf'>, string> = {
  docx: 'docx:MS Word 2007 XML',
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  pptx: 'pptx:Impress MS PowerPoint 2007 XML',
};

/** The Office file converted by LibreOffice. `extension` (lower case, no dot) tells it which
 * application opens the file. */
export async function libreOfficeConvert(bytes: Uint8Array, extension: string, target: OfficeTarget, limits: ConvertLimits): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'woo-office-'));
  try {
    const profile = path.join(dir, 'profile');
    await mkdir(path.join(profile, 'user'), { recursive: true });
    await writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    const input = path.join(dir, `document.${extension}`);
    await writeFile(input, bytes);
    const soffice = [
      SOFFICE,
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless', '--invisible', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
      '--convert-to', target === 'pdf' ? `pdf:${exportFilter(extension)}` : TARGET_FILTERS[target],
      '--outdir', path.join(dir, 'out'),
      input,
    ];
    const limited = ['prlimit', `--as=${limits.officeMemoryMb * 1024 * 1024}`, '--', ...soffice];
    const command = ['timeout', '-s', 'KILL', String(limits.officeTimeoutS), ...(canIsolateNetwork() ? ['unshare', '-rn', ...limited] : limited)];
    const env = { PATH: process.env.PATH, HOME: dir, TMPDIR: dir, LANG: 'nl_NL.UTF-8', SAL_USE_VCLPLUGIN: 'svp' };
    const result = await run(command, dir, env);
    if (result.code === TIMED_OUT) {
      throw new DocumentError('corrupt', `Het omzetten van dit Office-bestand naar PDF duurde langer dan ${limits.officeTimeoutS} seconden (OFFICE_TIMEOUT_S) en is afgebroken; het is niet verwerkt.`);
    }
    const produced: string[] = await readdir(path.join(dir, 'out')).catch(() => []);
    if (!produced.includes(`document.${target}`)) {
      throw new DocumentError('corrupt', 'Dit Office-bestand kon niet worden omgezet (beschadigd, beveiligd of geen geldig Office-bestand); het is niet verwerkt.', {
        cause: new Error(`soffice exited ${result.code}: ${result.stderr}`),
      });
    }
    return new Uint8Array(await readFile(path.join(dir, 'out', `document.${target}`)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import os from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
// Commands are loaded when they run: `token create` need not load the pipeline, PDF and OCR
// libraries, and a problem in one of them cannot stop the others.

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('verwacht een geheel getal van 1 of meer');
  return n;
}

const program = new Command('woo-redact')
  .description('Lakt persoonsgegevens (Woo art. 5.1 lid 2 sub e) in PDF-documenten.')
  .showHelpAfterError()
  // wrong usage exits with 2 (help and version with 0), as the README says; inherited by the commands below
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

program
  .command('redact', { isDefault: true })
  .description('Lak alle documenten in de opgegeven bestanden en mappen')
  .argument('<inputs...>', "PDF-bestanden of mappen (mappen worden doorzocht, ook submappen)")
  .option('-o, --out <dir>', 'uitvoermap (verplicht): openbaar/ voor publicatie, vertrouwelijk/ voor de lakverslagen')
  .option('--officials <file>', 'lijst met namen van bestuurders die zichtbaar blijven (één naam per regel)')
  .option('--org-domain <domain...>', 'e-maildomein(en) van de organisatie: alleen het deel vóór @ wordt gelakt', [])
  .option('--keep <file>', 'woorden die nooit gelakt worden (één per regel)')
  .option('--redact <file>', 'woorden die altijd gelakt worden (één per regel)')
  .addOption(new Option('-c, --concurrency <n>', 'aantal documenten tegelijk').argParser(positiveInt).default(Math.min(2, os.availableParallelism())))
  .addOption(new Option('--dpi <n>', 'resolutie van de gelakte pagina\'s').argParser(positiveInt).default(150))
  .addOption(
    new Option('--export <methode>', "raster: elke pagina wordt een afbeelding; vector: digitale pagina's houden hun eigen tekst; auto: vector, en raster waar de controle een vectorpagina afkeurt")
      .choices(['raster', 'vector', 'auto'])
      .default('auto'),
  )
  .option('-q, --quiet', 'geen voortgang tonen', false)
  .option('--json', 'samenvatting als JSON op stdout', false)
  .option('--resume', 'sla documenten over waarvan de uitvoer al compleet is en de controle doorstaat', false)
  .option('--informatiecategorie <categorie>', 'Woo-informatiecategorie van deze batch voor de DiWoo-metadata (naam of TOOI-URI; standaard uit WOO_INFORMATION_CATEGORY, anders "Woo-verzoeken en -besluiten")')
  .option('--besloten-door <wie>', 'wie over de lakkingen heeft besloten, voor het onderbouwingsrapport')
  .action(async (inputs: string[], opts) => {
    const { redactCommand } = await import('./redact-command.js');
    process.exitCode = await redactCommand(inputs, opts);
  });

program
  .command('verify')
  .description('Controleer een gelakt document tegen zijn lakverslag')
  .argument('<gelakt.pdf>')
  .requiredOption('--against <redactions.json>', 'het lakverslag (.redactions.json) van dit document')
  .action(async (pdf: string, opts: { against: string }) => {
    const { verifyCommand } = await import('./verify-command.js');
    process.exitCode = await verifyCommand(pdf, opts.against);
  });

program
  .command('nightly')
  .description('De nachtelijke run via de API: nieuwe batch, uploaden, wachten, exporteren (accept-suggested) en downloaden')
  .argument('<inputs...>', 'bestanden of mappen met de documenten van vannacht')
  .requiredOption('--api <url>', 'adres van de intake-API, bijv. http://localhost:3000')
  .option('--review-api <url>', 'adres van de beoordelings-API als die elders draait (standaard: --api)')
  .requiredOption('--token-file <file>', 'bestand met het API-token (rol coordinator)')
  .requiredOption('--name <naam>', 'naam van de batch, bijv. "Woo-verzoek 2024-031"; ook de naam van de uitvoermap')
  .requiredOption('--officials <file>', 'lijst met namen van bestuurders die zichtbaar blijven (één naam per regel; verplicht)')
  .requiredOption('-o, --out <dir>', 'hieronder komt de map <naam> met de gelakte PDF\'s en de inventarislijst (nooit overschreven)')
  .addOption(new Option('--poll-seconds <n>', 'hoe vaak de status wordt opgevraagd').argParser(positiveInt).default(10))
  .addOption(new Option('--timeout-minutes <n>', 'de run stopt met een fout als hij langer duurt').argParser(positiveInt).default(360))
  .action(async (inputs: string[], opts) => {
    const { nightlyCommand } = await import('./nightly-command.js');
    process.exitCode = await nightlyCommand(inputs, opts);
  });

const token = program
  .command('token')
  .description('API-tokens voor de intake- en beoordelingsdienst (DATABASE_URL, of de ingebouwde database in ./data)');

token
  .command('create')
  .description('Maak een token aan en toon het (alleen het token, op stdout)')
  .requiredOption('--role <rol>', 'coordinator, reviewer, publisher (alleen de openbare bestanden) of admin')
  .requiredOption('--name <naam>', 'waarvoor of voor wie het token is, bijv. "nachtrun" of "J. Jansen"')
  .option('--team <team>', "team waarvan het token lid is (herhaal voor meer teams; standaard: 'standaard')", (v: string, all: string[]) => [...all, v], [])
  .option('--expires <wanneer>', 'vervalt na een aantal dagen (bijv. 90d) of op een datum (bijv. 2027-03-01)')
  .action(async (opts: { role: string; name: string; team: string[]; expires?: string }) => {
    const { tokenCreateCommand } = await import('./token-command.js');
    process.exitCode = await tokenCreateCommand(opts);
  });

token
  .command('list')
  .description('Toon alle tokens: id, naam, rol, teams, verloopdatum en of ze zijn ingetrokken (nooit de tokens zelf)')
  .action(async () => {
    const { tokenListCommand } = await import('./token-command.js');
    process.exitCode = await tokenListCommand();
  });

token
  .command('revoke')
  .description('Trek een token in (het id staat in token list); het werkt daarna niet meer')
  .argument('<id>')
  .action(async (id: string) => {
    const { tokenRevokeCommand } = await import('./token-command.js');
    process.exitCode = await tokenRevokeCommand(id);
  });

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`woo-redact: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});

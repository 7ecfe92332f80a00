/**
 * Hand-written word lists the name rules rely on (facts about Dutch, written by the project).
 * All lowercase. Kept as Sets because every token is looked up several times.
 */
const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Tussenvoegsels and foreign name particles ("van der", "in 't", "el", "ben", "da", "von"). */
export const PARTICLES = set(`
van de der den het 't te ten ter in op uit aan bij onder over voor tot vanden vander vd
el al ben bin ibn abou abu ait aït da di du del della dos das do le la les von zu mac mc o' d'
`);

/** Particles that can start a bare surname when capitalised ("De Vries", "El Amrani", "Van Dam");
 * other particles ("In", "Op", "Het") start ordinary sentences too often. */
export const SURNAME_STARTERS = set(`de van ten ter te den der el al ben bin ibn abou abu ait aït da di du le la von mc mac d'`);

/** Honorifics and titles written before a name (without the final dot). */
export const HONORIFICS = set(`dhr mevr mw mevrouw heer meneer mejuffrouw mej mr drs dr ir ing prof ds bc ms mrs mx`);
/** Honorifics that are whole words: they need no dot ("de heer Jansen", "mevrouw Öztürk"). */
export const WORD_HONORIFICS = set(`heer mevrouw meneer mejuffrouw`);

/** Role words that make an adjacent name a public official whose name stays visible. */
export const OFFICIAL_ROLES = set(`
wethouder wethouders burgemeester loco-burgemeester locoburgemeester gemeentesecretaris raadslid raadsleden
fractievoorzitter commissievoorzitter minister staatssecretaris gedeputeerde commissaris
stadsdeelvoorzitter dijkgraaf griffier raadsgriffier ombudsman ombudsvrouw kamerlid
directeur-generaal secretaris-generaal gouverneur statenlid
`);

/** Capitalised words after a name that make it an organisation ("Verwey-Jonker Instituut"). */
export const ORG_AFTER = set(`
instituut stichting fonds groep academie b.v. bv n.v. nv vof v.o.f. advies consultancy partners ziekenhuis school
universiteit hogeschool college museum theater prijs lezing huis centrum onderzoek rapport bureau holding group
company foundation institute kliniek apotheek bibliotheek kerk moskee gasthuis arena stadion zaal
`);
/** Capitalised words before a name that make it an organisation or a place ("Stichting Jan de Vries Fonds"). */
export const ORG_BEFORE = set(`
stichting instituut bureau vereniging fonds museum theater gemeente provincie coöperatie firma bedrijf ziekenhuis school
universiteit hogeschool basisschool sint st kliniek
`);
/** Nouns for institutions: a name ending in one of these (as a compound) is an institution ("Emma Kinderziekenhuis"). */
export const INSTITUTION_SUFFIX = /(huis|museum|school|college|instituut|kerk|moskee|fonds|centrum|theater|bibliotheek|kliniek|ziekenhuis|stadion|arena)$/;
/** The same for builtin mode, which cannot check that the compound is a Dutch word: without the
 * suffixes that also end surnames (Nijhuis, Verkerk). */
export const INSTITUTION_COMPOUND = /.{3,}(ziekenhuis|museum|school|college|instituut|moskee|centrum|theater|bibliotheek|kliniek|stadion)$/;

/** Nouns for a person's part or job ("Bewoner", "Beleidsadviseur"): a capitalised one after a name is
 * the next column of a table or a description, not the rest of an organisation's name. */
export const PERSON_NOUN = /(bewoner|bewoonster|medewerker|medewerkster|adviseur|adviseuse|leider|coördinator|coordinator|ondernemer|vrijwilliger|eigenaar|huurder|melder|aanvrager|bezoeker|deelnemer|student|docent|stagiair|stagiaire|ambtenaar|secretaris|voorzitter|notulist|manager|consulent|ouder|mantelzorger)$/;

/** Street-name suffixes that (almost) never end a surname. */
export const STREET_SUFFIX_STRONG = /.(straat|plein|plaats|laan|gracht|kade|singel|dreef|steeg|plantsoen|boulevard|burgwal|kanaal|allee|weg|pad|hof|markt|wal|straatje|steiger)$/;
/** Suffixes shared with common surnames (Van Dijk, Groeneveld, Van Dam): only a street with more evidence. */
export const STREET_SUFFIX_WEAK = /(dijk|veld|dam|haven|poort|brug|park|baan|erf|werf|dijkje|berg|burg|oord|weide)$/;
/** Lowercase words before a street name ("in de Kalverstraat", "aan de Amstel"). */
export const STREET_PREPOSITIONS = set(`in aan op via langs naar vanaf bij`);

/** Months and their abbreviations ("jan" is left out: it is far more often the first name Jan). */
export const MONTHS = set(`januari februari maart april mei juni juli augustus september oktober november december
feb mrt apr jun jul aug sep sept okt nov dec`);
export const WEEKDAYS = set(`maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma di wo do vr za zo`);

/** Dutch function words and very frequent words: never a name on their own, even when capitalised. */
export const FUNCTION_WORDS = set(`
de het een en of maar want dus als dan dat die dit deze daar hier er wat wie waar hoe waarom wanneer welk welke
ik jij je u hij zij ze wij we jullie hen hun haar hem mij me mijn jouw uw zijn ons onze men iemand niemand iets niets
is ben bent was waren wordt werd worden zijn heeft hebben had hadden kan kunnen kon zal zullen zou zouden moet moeten
wil willen mag mogen gaat gaan doet doen komt komen laat
in op aan bij met van voor na naar om tot uit over onder door tegen tussen zonder binnen buiten sinds vanaf via per
te ter ten niet geen wel ook nog al reeds zo zeer heel erg meer minder veel weinig alle alles elke ieder iedereen
graag dank bedankt groet groeten vriendelijke hartelijke hoogachtend beste geachte lieve dag hoi hallo hoe
ja nee oké ok namens zie nb n.b. t.a.v. tav cc bcc re fw fwd aan van onderwerp datum bijlage bijlagen
eens toch echter immers namelijk bovendien verder daarnaast tevens hierbij hiermee daarom omdat doordat zodat
nieuw nieuwe oud oude groot grote klein kleine goed goede eerste tweede derde laatste volgende vorige
`);

/** Words of Dutch public administration that name lists (frogdata) also carry as first names or
 * surnames ("Woo", "Wet"), and column headings of participant tables: never a name on their own. */
export const ADMIN_TERMS = set(`
woo wob wet awb avg wmo bibob jeugdwet participatiewet omgevingswet bsn iban kvk gs wh gmt mt ot or ob b&w
naam namen functie functies cluster directie afdeling team rol organisatie telefoon e-mail email adres
`);

/**
 * First names and surnames that are also common Dutch words: a capitalised one is only a name with
 * support (context, a full-name mention elsewhere). Used in builtin mode and on top of the system word list.
 */
export const COMMON_WORD_NAMES = set(`
jan els bas roos kees klaas mark dirk gert gerrit hans henk kim dean ben will rob tom tim bram mees mei
bakker visser kok vos bos groen haan boer smit kramer koster molenaar schipper wit zwart klein groot jong
mol prins koning keizer post stam steen kroon wal dam laan berg brink beek bosch veen rijn meer visser
post brand kamp loon mol vink haas wolf vogel baars snoek raad kamer west noord oost zuid dag nacht
winter zomer lente storm regen hoek kant hof veld dijk plas poel sloot vaart zee lucht bloem roos lelie
iris linde hazel fleur sterre sam jet lot kaat pien noor merel vink mus duif zwaan reiger
`);

/** Finite verbs that follow a subject at the start of a Dutch sentence: "Jan heeft gebeld". */
export const FINITE_VERBS = set(`
is was heeft had zegt zei vindt vond gaat ging wil wilde kan kon zal zou moet moest mag mocht belde belt stuurt stuurde
meldt meldde vraagt vroeg geeft gaf komt kwam werkt werkte merkte merkt stelt stelde neemt nam mailt mailde schrijft
schreef laat liet doet deed ziet zag weet wist denkt dacht praat sprak spreekt reageert reageerde woont woonde notuleert
notuleerde opent opende sluit sloot benadrukt informeert stemt zit zat staat stond krijgt kreeg begeleidt begeleidde
heb ben bent verzoekt verzocht antwoordt antwoordde bevestigt bevestigde geeft licht lichtte vertelt vertelde
`);

/** Plural finite verbs after coordinated subjects: "Wempi en Fiifi sluiten aan". */
export const PLURAL_FINITE_VERBS = set(`
zijn waren hebben hadden sluiten sloten komen kwamen gaan gingen willen wilden kunnen konden zullen zouden moeten
moesten mogen mochten nemen namen geven gaven bellen belden melden meldden vragen vroegen sturen stuurden werken
werkten wonen woonden zeggen zeiden vinden vonden laten lieten doen deden zien zagen weten wisten denken dachten
spreken spraken zitten zaten staan stonden krijgen kregen begeleiden begeleidden reageren reageerden bevestigen
bevestigden vertellen vertelden schrijven schreven mailen mailden
`);

/** Greeting words after which the next capitalised word is a name ("Beste Fleur,"). */
export const GREETINGS = set(`beste lieve hoi hallo hey dag goedemorgen goedemiddag goedenavond hi hello dear`);
/** Sign-off phrases (lowercase, single spaces): the name follows on one of the next lines. */
export const SIGN_OFFS = [
  'met vriendelijke groet', 'met vriendelijke groeten', 'vriendelijke groet', 'vriendelijke groeten', 'hartelijke groet',
  'hartelijke groeten', 'met hartelijke groet', 'groet', 'groeten', 'hoogachtend', 'mvg', 'gr', 'kind regards', 'best regards',
  'regards', 'met collegiale groet',
];
/** E-mail and memo header labels whose value lists people ("Van:", "Aan:", "CC:"). */
export const HEADER_LABELS = set(`van aan cc bcc afzender ontvanger ontvangers geadresseerde from to verzonden-door namens behandelaar contactpersoon auteur opsteller`);
/** Labels after which a list of people follows ("Aanwezig: Karim, Lisa, Ruben (notulist)"). */
export const ATTENDANCE_LABELS = set(`aanwezig aanwezigen afwezig afwezigen deelnemers genodigden notulist voorzitter verslag verslaglegging participants attendees present`);

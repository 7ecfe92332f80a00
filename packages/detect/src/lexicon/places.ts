/** Large Dutch municipalities, districts and countries (facts, written by the project), so that
 * "Den Haag" or "Zuidoost" is not taken for a person in builtin mode. The system gazetteers add
 * the full lists when present. Comma-separated because many places have several words. */
export const PLACES: readonly string[] = `
amsterdam, rotterdam, den haag, 's-gravenhage, utrecht, eindhoven, groningen, tilburg, almere, breda, nijmegen,
apeldoorn, haarlem, arnhem, enschede, amersfoort, zaanstad, haarlemmermeer, 's-hertogenbosch, den bosch, zwolle,
zoetermeer, leiden, maastricht, dordrecht, ede, alphen aan den rijn, westland, alkmaar, emmen, delft, venlo,
deventer, sittard-geleen, helmond, oss, hilversum, amstelveen, súdwest-fryslân, hoofddorp, purmerend, schiedam,
lelystad, leeuwarden, roosendaal, vlaardingen, almelo, gouda, assen, capelle aan den ijssel, veenendaal, zeist,
katwijk, nieuwegein, hoorn, heerlen, den helder, diemen, ouder-amstel, landsmeer, oostzaan, weesp, schiphol,
ijmuiden, zaandam, zuidoost, nieuw-west, noord, oost, west, zuid, centrum, ijburg, bijlmer, osdorp, geuzenveld,
slotervaart, noord-holland, zuid-holland, noord-brabant, gelderland, overijssel, friesland, fryslân, drenthe,
flevoland, zeeland, limburg, nederland, holland, belgië, duitsland, frankrijk, europa, suriname, marokko, turkije,
polen, ghana, curaçao, aruba, bonaire, sint maarten, indonesië
`.split(',').map((s) => s.trim()).filter(Boolean);

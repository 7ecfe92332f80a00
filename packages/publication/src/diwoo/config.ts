import { readFileSync } from 'node:fs';
import { findValue, ORGANISATION_LISTS, valueList, WOO_REQUESTS_CATEGORY, type ListValue } from './value-lists.js';

/** Who publishes, configured once per installation; the information category can differ per batch. */
export interface PublicationConfig {
  /** The publishing organisation, from the TOOI organisation lists. */
  publisher: ListValue;
  /** The organisation responsible for the documents, when it is not the publisher. */
  responsible?: ListValue;
  /** Default information category of a batch (Woo value list). */
  informationCategory: ListValue;
  /** Where the published files will be reachable, for the `loc` of the sitemap index. */
  baseUrl?: string;
}

/** The settings as a file or the environment holds them: URIs or labels. */
export interface PublicationSettings {
  publisher?: string;
  responsible?: string;
  informationCategory?: string;
  baseUrl?: string;
}

/** Settings from the environment (WOO_PUBLISHER, WOO_RESPONSIBLE, WOO_INFORMATION_CATEGORY,
 * WOO_PUBLICATION_BASE_URL), overridden by a JSON file named in WOO_PUBLICATION_CONFIG. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): PublicationSettings {
  const fromEnv: PublicationSettings = {
    publisher: env.WOO_PUBLISHER,
    responsible: env.WOO_RESPONSIBLE,
    informationCategory: env.WOO_INFORMATION_CATEGORY,
    baseUrl: env.WOO_PUBLICATION_BASE_URL,
  };
  if (!env.WOO_PUBLICATION_CONFIG) return fromEnv;
  let file: PublicationSettings;
  try {
    file = JSON.parse(readFileSync(env.WOO_PUBLICATION_CONFIG, 'utf8')) as PublicationSettings;
  } catch (err) {
    throw new Error(`Het publicatie-instellingenbestand ${env.WOO_PUBLICATION_CONFIG} kan niet worden gelezen (${(err as Error).message}).`);
  }
  return { ...fromEnv, ...Object.fromEntries(Object.entries(file).filter(([, v]) => typeof v === 'string')) };
}

/** Checks the settings against the DiWoo value lists. Undefined when no publisher is configured
 * (then no DiWoo metadata can be made); throws a Dutch message for a value not on its list. */
export function publicationConfig(settings: PublicationSettings, batchCategory?: string): PublicationConfig | undefined {
  if (!settings.publisher) return undefined;
  const organisation = (value: string, what: string) => {
    const hit = findValue(ORGANISATION_LISTS, value);
    if (!hit) throw new Error(`${what} "${value}" staat niet in de TOOI-organisatielijsten van DiWoo 0.9.8. Geef de TOOI-URI (bijv. https://identifier.overheid.nl/tooi/id/gemeente/gm0363) of de naam zoals in de lijst ("gemeente Amsterdam").`);
    return hit;
  };
  const categoryText = batchCategory ?? settings.informationCategory ?? WOO_REQUESTS_CATEGORY;
  const informationCategory = findValue(['informatiecategorielijst'], categoryText);
  if (!informationCategory) {
    const known = valueList('informatiecategorielijst').map((v) => v.label).join(', ');
    throw new Error(`Informatiecategorie "${categoryText}" is onbekend. Kies er een uit de Woo-lijst: ${known}.`);
  }
  if (settings.baseUrl && !/^https?:\/\/\S+$/.test(settings.baseUrl)) throw new Error(`WOO_PUBLICATION_BASE_URL "${settings.baseUrl}" is geen http(s)-adres.`);
  return {
    publisher: organisation(settings.publisher, 'De publicerende organisatie'),
    ...(settings.responsible ? { responsible: organisation(settings.responsible, 'De verantwoordelijke organisatie') } : {}),
    informationCategory,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl.replace(/\/?$/, '/') } : {}),
  };
}

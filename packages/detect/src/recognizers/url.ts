/**
 * Web addresses are mostly public (the organisation's site, sources). Only a personal social-media
 * profile is personal data; everything else stays visible (conservative on purpose).
 */
import type { Finding, Recognizer } from '../types.js';
import { finding } from './util.js';

const PROFILE_RE = /(?:https?:\/\/)?(?:www\.|nl\.|m\.)?(?:linkedin\.com\/in|facebook\.com|instagram\.com|twitter\.com|x\.com|tiktok\.com\/@?|threads\.net\/@?)\/?[\w.%-]{2,}\/?/giu;
const NOT_PROFILE = /\/(?:pages|groups|events|company|school|hashtag|explore|share|search)\b|(?:facebook|instagram|twitter|x)\.com\/(?:gemeente|stad|politie)/i;

export const urlRecognizer: Recognizer = {
  name: 'url',
  category: 'url',
  context: [],
  find(text: string): Finding[] {
    const out: Finding[] = [];
    for (const m of text.matchAll(PROFILE_RE)) {
      if (NOT_PROFILE.test(m[0])) continue;
      out.push(finding(text, m.index, m.index + m[0].length, 'url', 'url/profile', 0.6, 'profiel op sociale media'));
    }
    return out;
  },
};

/** A seeded letter whose list of people is painted with shading patterns: half the lines as text
 * filled with an axial shading, half as glyph outlines filled with a radial one. Neither has a
 * usable text layer for those lines, so ink accounting must send them to OCR. Each pattern-filled
 * glyph used to cost the page render a full-page copy of the pattern (patterns.ts in @woo/pdf). */
import { outlineOps } from '../../../fixtures/adversarial/glyphs.js';
import { nums, saveKit, Sheet } from '../../../fixtures/adversarial/kit.js';
import { body, closing, createCtx, fullName, letterhead } from '../../../fixtures/adversarial/woo.js';

export interface PatternLetter {
  pdf: Uint8Array;
  /** The people listed, each line painted through a pattern. */
  people: Array<{ name: string; phone: string }>;
}

export async function patternLetter(seed: number, people = 8): Promise<PatternLetter> {
  const c = await createCtx(seed, 'pattern-letter');
  const s = new Sheet(c.kit);
  const ctx = c.kit.doc.context;
  const x = 62;
  let y = letterhead(s, c);
  s.text('Aanwezig bij het overleg:', x, y, { size: 10, font: c.kit.bold });
  y -= 16;
  const top = y;
  const bottom = y - people * 14;
  const shading = (ShadingType: 2 | 3, Coords: number[], C1: number[]) =>
    s.patternKey(ctx.register(ctx.obj({
      PatternType: 2,
      Shading: { ShadingType, ColorSpace: 'DeviceRGB', Coords, Extend: [true, true], Function: { FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0], C1, N: 1 } },
    })));
  const axial = shading(2, [x, bottom, x + 300, top], [0.1, 0.15, 0.55]);
  const radial = shading(3, [x + 150, (top + bottom) / 2, 0, x + 150, (top + bottom) / 2, 260], [0.45, 0.05, 0.1]);
  const listed: PatternLetter['people'] = [];
  for (let i = 0; i < people; i++) {
    const p = c.person();
    const line = `${c.t.secret(fullName(p))}, telefoon ${c.t.secret(p.mobile)}`;
    listed.push({ name: fullName(p), phone: p.mobile });
    if (i % 2 === 0) {
      s.op('BT', `${s.fontKey(c.kit.regular)} 10 Tf`, `/Pattern cs ${axial} scn`, `1 0 0 1 ${nums(x, y)} Tm`, `${c.kit.regular.encodeText(line).toString()} Tj`, 'ET');
    } else {
      s.op('q', `/Pattern cs ${radial} scn`, ...outlineOps(c.kit.face, line, x, y, 10), 'Q');
    }
    y -= 14;
  }
  closing(s, c, body(s, c, y - 12, 2) - 10);
  s.close();
  return { pdf: await saveKit(c.kit), people: listed };
}

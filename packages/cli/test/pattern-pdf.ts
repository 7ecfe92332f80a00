/** A seeded letter whose list of people is painted with patterns: lines of text filled with an
 * axial shading, lines of glyph outlines filled with a radial one (no text layer: ink accounting
 * must send them to OCR), and lines of text filled with a tiling pattern of large tiles. Each
 * pattern-filled glyph used to cost the page render a full-page copy of the pattern (patterns.ts
 * in @woo/pdf). */
import { outlineOps } from '../../../fixtures/adversarial/glyphs.js';
import { nums, saveKit, Sheet } from '../../../fixtures/adversarial/kit.js';
import { body, closing, createCtx, fullName, letterhead } from '../../../fixtures/adversarial/woo.js';

export interface PatternLetter {
  pdf: Uint8Array;
  /** The people listed, each line painted through a pattern. */
  people: Array<{ name: string; phone: string }>;
}

export async function patternLetter(seed: number, people = 9): Promise<PatternLetter> {
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
  // two dark colours side by side in a 160 pt tile
  const tiling = s.patternKey(ctx.register(ctx.flateStream('0 0 0.45 rg 0 0 80 160 re f 0.35 0 0 rg 80 0 80 160 re f', {
    Type: 'Pattern', PatternType: 1, PaintType: 1, TilingType: 1, BBox: [0, 0, 160, 160], XStep: 160, YStep: 160, Resources: {},
  })));
  const listed: PatternLetter['people'] = [];
  for (let i = 0; i < people; i++) {
    const p = c.person();
    const line = `${c.t.secret(fullName(p))}, telefoon ${c.t.secret(p.mobile)}`;
    listed.push({ name: fullName(p), phone: p.mobile });
    if (i % 3 === 1) s.op('q', `/Pattern cs ${radial} scn`, ...outlineOps(c.kit.face, line, x, y, 10), 'Q');
    else {
      const fill = i % 3 === 0 ? axial : tiling;
      s.op('BT', `${s.fontKey(c.kit.regular)} 10 Tf`, `/Pattern cs ${fill} scn`, `1 0 0 1 ${nums(x, y)} Tm`, `${c.kit.regular.encodeText(line).toString()} Tj`, 'ET');
    }
    y -= 14;
  }
  closing(s, c, body(s, c, y - 12, 2) - 10);
  s.close();
  return { pdf: await saveKit(c.kit), people: listed };
}

import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** pdf.js needs its standard fonts (Helvetica and friends, which PDFs often do not embed) from
 * our own origin: copied next to the bundle, nothing is fetched from elsewhere. */
function pdfjsStandardFonts(): Plugin {
  return {
    name: 'pdfjs-standard-fonts',
    apply: 'build',
    writeBundle(options) {
      const from = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts');
      cpSync(from, path.join(options.dir ?? 'dist', 'pdfjs', 'standard_fonts'), { recursive: true });
    },
  };
}

export default defineConfig({
  plugins: [react(), pdfjsStandardFonts()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
});

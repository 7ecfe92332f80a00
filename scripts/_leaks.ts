import fs from 'node:fs';
import { findLeaks } from '../fixtures/mail-office/leaks.js';
const [dir, out] = process.argv.slice(2);
const truth = JSON.parse(fs.readFileSync(`${dir}/truth.json`, 'utf8'));
const leaks = await findLeaks(`${out}/openbaar`, truth.redact, { ocr: process.env.OCR === '1' });
console.log(dir, 'leaks:', leaks.length, JSON.stringify(leaks).slice(0, 600));

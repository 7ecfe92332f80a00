import { useState, type DragEvent } from 'react';
import { uploadFile } from './api.js';
import { droppedFiles } from './dropped.js';
import { announce } from './live.js';

interface Item {
  name: string;
  progress: number;
  state: 'bezig' | 'klaar' | 'mislukt';
  reason?: string;
}

/** Files dropped here or chosen are uploaded one request each, so every file has its own
 * progress bar and, when it fails, its own Dutch reason. */
export function Upload({ batchId, onUploaded }: { batchId: string; onUploaded: () => void }) {
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const update = (i: number, patch: Partial<Item>) => setItems((all) => all.map((it, j) => (j === i ? { ...it, ...patch } : it)));

  const start = async (files: File[]) => {
    const offset = items.length;
    setItems((all) => [...all, ...files.map((f) => ({ name: f.name, progress: 0, state: 'bezig' as const }))]);
    let failed = 0;
    await Promise.all(
      files.map(async (file, k) => {
        try {
          const [doc] = (await uploadFile(batchId, file, (p) => update(offset + k, { progress: p }))) as Array<{ status: string; error?: string }>;
          if (doc?.status === 'failed') throw new Error(doc.error ?? 'Het bestand kon niet worden verwerkt.');
          update(offset + k, { progress: 1, state: 'klaar' });
        } catch (err) {
          failed++;
          update(offset + k, { state: 'mislukt', reason: (err as Error).message });
        }
      }),
    );
    announce(`${files.length - failed} van ${files.length} bestanden geüpload.`);
    onUploaded();
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    // the entries must be taken before the handler returns; reading them may take longer
    void droppedFiles(e.dataTransfer).then(start);
  };
  return (
    <section aria-labelledby="upload-title" className="upload">
      <h2 id="upload-title" className="utrecht-heading-2">
        Documenten toevoegen
      </h2>
      <div
        className={`dropzone${over ? ' dropzone--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label className="utrecht-form-label" htmlFor="files">
          Sleep bestanden of een map hierheen, of kies bestanden (PDF, PNG, JPEG, TIFF)
        </label>
        <input id="files" type="file" multiple onChange={(e) => void start([...(e.target.files ?? [])])} />
      </div>
      {items.length > 0 && (
        <ul className="utrecht-unordered-list upload-list">
          {items.map((it, i) => (
            <li key={i} className="utrecht-unordered-list__item">
              {it.name}: <progress max={1} value={it.progress} aria-label={`Voortgang ${it.name}`} /> {it.state}
              {it.reason && <span className="utrecht-form-field-error-message"> {it.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

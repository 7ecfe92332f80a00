import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog (the browser's own <dialog>: focus is kept inside, Escape closes it). */
export function Modal({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="modal" aria-labelledby="modal-title" onClose={onClose}>
      {open && (
        <>
          <h2 id="modal-title" className="utrecht-heading-2">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}

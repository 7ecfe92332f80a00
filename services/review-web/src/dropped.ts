/** The files of a drop, folders included (read recursively): a coordinator may drag a whole
 * folder of a Woo request onto the batch page. */
export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  if (!entries.length) return [...data.files];
  const files: File[] = [];
  for (const entry of entries) files.push(...(await read(entry)));
  return files;
}

async function read(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) return [await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const files: File[] = [];
  // readEntries answers in chunks (about 100 at a time) until it answers with none
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!chunk.length) return files;
    for (const child of chunk) files.push(...(await read(child)));
  }
}

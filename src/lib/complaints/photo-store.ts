// The draft's downscaled photos, kept in IndexedDB (localStorage holds only strings) so that they
// survive a reload. Every call tolerates a browser without IndexedDB: the photos then live only
// in memory.

const STORE = "photos";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open("complaint-draft", 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = act(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

export const putPhoto = (id: string, blob: Blob) => run("readwrite", (s) => s.put(blob, id)).catch(() => undefined);

export const deletePhoto = (id: string) => run("readwrite", (s) => s.delete(id)).catch(() => undefined);

export const clearPhotos = () => run("readwrite", (s) => s.clear()).catch(() => undefined);

export const getPhoto = (id: string) => run<Blob | undefined>("readonly", (s) => s.get(id)).catch(() => undefined);

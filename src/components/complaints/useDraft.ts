import { useCallback, useEffect, useState } from "react";
import type { Downscaled } from "../../lib/complaints/downscale";
import { clearDraft, type Draft, type DraftPhoto, loadDraft, newDraft, saveDraft } from "../../lib/complaints/draft";
import { clearPhotos, deletePhoto, getPhoto, putPhoto } from "../../lib/complaints/photo-store";

/** A photo of the draft with its bytes and a blob: URL for the preview. */
export interface PhotoItem extends DraftPhoto {
  blob: Blob;
  url: string;
}

const isBlank = (d: Draft) =>
  d.step === 0 && !d.categoryId && !d.addressText && !d.description && !d.name && !d.phone && d.photos.length === 0;

async function restorePhotos(saved: DraftPhoto[]): Promise<PhotoItem[]> {
  const items = await Promise.all(
    saved.map(async (p) => {
      const blob = await getPhoto(p.id);
      return blob ? { ...p, blob, url: URL.createObjectURL(blob) } : null;
    }),
  );
  return items.filter((p): p is PhotoItem => p !== null);
}

/**
 * The draft complaint, restored from this device after a reload and saved on every change; a
 * draft nobody has touched is not stored. `restored` says a saved draft was picked up; `discard`
 * forgets the draft and starts a new one with a new Idempotency-Key.
 */
export function useDraft() {
  const [draft, setDraft] = useState<Draft>(() => newDraft());
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const saved = loadDraft();
    setDraft(saved ?? newDraft(crypto.randomUUID()));
    setRestored(saved !== null);
    setLoaded(true);
    if (saved?.photos.length) {
      restorePhotos(saved.photos).then((items) => {
        setPhotos(items);
        setDraft((d) => ({ ...d, photos: items.map(({ id, width, height }) => ({ id, width, height })) }));
      });
    }
  }, []);

  useEffect(() => {
    if (!loaded) return;
    if (isBlank(draft)) clearDraft();
    else saveDraft(draft);
  }, [draft, loaded]);

  const update = useCallback((change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change })), []);

  const addPhoto = useCallback(async ({ blob, width, height }: Downscaled) => {
    const id = crypto.randomUUID();
    await putPhoto(id, blob);
    setPhotos((list) => [...list, { id, width, height, blob, url: URL.createObjectURL(blob) }]);
    setDraft((d) => ({ ...d, photos: [...d.photos, { id, width, height }] }));
  }, []);

  const removePhoto = useCallback((id: string) => {
    deletePhoto(id);
    setPhotos((list) => {
      const gone = list.find((p) => p.id === id);
      if (gone) URL.revokeObjectURL(gone.url);
      return list.filter((p) => p.id !== id);
    });
    setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.id !== id) }));
  }, []);

  const discard = useCallback(() => {
    clearPhotos();
    setPhotos((list) => {
      for (const p of list) URL.revokeObjectURL(p.url);
      return [];
    });
    setDraft(newDraft(crypto.randomUUID()));
    setRestored(false);
  }, []);

  return { draft, photos, restored, update, addPhoto, removePhoto, discard };
}

import { useEffect, useState } from "react";
import { reporterPhoto } from "../../lib/complaints/api";

interface Props {
  /** The reporter's own photos: fetched with the secret (no URL carries it), shown as blob: URLs. */
  reporterPhotos: string[];
  /** Public photos (staff's, once the case is taken up); the reporter's own are left out. */
  publicPhotos: string[];
  token: string | null;
}

const photoId = (url: string) => url.split("/").pop();

export function CasePhotos({ reporterPhotos, publicPhotos, token }: Props) {
  const [own, setOwn] = useState<string[]>([]);
  const key = reporterPhotos.join(" ");
  useEffect(() => {
    if (!token || !key) return;
    let urls: string[] = [];
    let live = true;
    Promise.all(key.split(" ").map((u) => reporterPhoto(u, token).then((b) => URL.createObjectURL(b))))
      .then((made) => {
        urls = made;
        if (live) setOwn(made);
        else for (const u of made) URL.revokeObjectURL(u);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      for (const u of urls) URL.revokeObjectURL(u);
    };
  }, [key, token]);
  const mine = new Set(reporterPhotos.map(photoId));
  const others = token ? publicPhotos.filter((u) => !mine.has(photoId(u))) : publicPhotos;
  if (own.length === 0 && others.length === 0) return null;
  return (
    <section aria-labelledby="photos-heading">
      <h3 id="photos-heading">照片</h3>
      <ul className="photo-list">
        {own.map((src, i) => (
          <li key={src}>
            <img src={src} alt={`您提交的第 ${i + 1} 张照片`} />
          </li>
        ))}
        {others.map((src, i) => (
          <li key={src}>
            <img src={src} alt={`案件照片 ${i + 1}`} loading="lazy" />
          </li>
        ))}
      </ul>
    </section>
  );
}

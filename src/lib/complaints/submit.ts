// Files a complaint with XMLHttpRequest, the one browser API that reports upload progress.
import type { FileComplaintInput } from "../../shared/complaints/schemas";
import type { FiledComplaint } from "../../shared/complaints/wire";
import { ApiError } from "../kit/problem";

export interface Submission {
  input: FileComplaintInput;
  photos: Blob[];
  /** The draft's key: the same on every retry, so a retry never files the complaint twice. */
  idempotencyKey: string;
}

/**
 * POSTs the complaint (JSON, or multipart with the photos) and resolves with the filed case.
 * Rejects with the kit's ApiError, read by the same parser as every fetch: `kind` "network" (status
 * 0) when the connection failed before an answer came.
 */
export function submitComplaint(s: Submission, onProgress: (fraction: number) => void): Promise<FiledComplaint> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/complaints");
    xhr.setRequestHeader("idempotency-key", s.idempotencyKey);
    xhr.timeout = 120_000;
    let body: FormData | string;
    if (s.photos.length > 0) {
      const form = new FormData();
      form.append("complaint", JSON.stringify(s.input));
      for (const [i, photo] of s.photos.entries()) form.append("photos", photo, `photo-${i + 1}.jpg`);
      body = form;
    } else {
      xhr.setRequestHeader("content-type", "application/json");
      body = JSON.stringify(s.input);
    }
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status !== 201) {
        reject(ApiError.fromAnswer(xhr.status, xhr.responseText, xhr.getResponseHeader("retry-after")));
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as FiledComplaint);
      } catch {
        // A 201 that is not JSON did not come from the API: the same as no answer, and safe to retry.
        reject(ApiError.network());
      }
    };
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => reject(ApiError.network());
    xhr.send(body);
  });
}

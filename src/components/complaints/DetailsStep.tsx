import type { Downscaled } from "../../lib/complaints/downscale";
import type { Draft } from "../../lib/complaints/draft";
import type { FieldErrors } from "../../lib/kit/problem";
import { MAX_DESCRIPTION } from "../../shared/complaints/filing-schema";
import { Field } from "../forms/Field";
import { PhotoPicker } from "./PhotoPicker";
import type { PhotoItem } from "./useDraft";

interface Props {
  draft: Draft;
  errors: FieldErrors;
  update: (change: Partial<Draft>) => void;
  photos: PhotoItem[];
  addPhoto: (photo: Downscaled) => Promise<void>;
  removePhoto: (id: string) => void;
}

/** The description, with a running count against the limit, and the photos. */
export function DetailsStep({ draft, errors, update, photos, addPhoto, removePhoto }: Props) {
  const length = draft.description.length;
  return (
    <>
      <Field
        id="description"
        label="问题描述"
        hint="说明是什么问题、持续多久、影响了什么，至少 5 个字。"
        error={errors.description}
        describedBy="description-count"
      >
        {(a11y) => (
          <textarea
            {...a11y}
            rows={6}
            maxLength={MAX_DESCRIPTION}
            value={draft.description}
            onChange={(e) => update({ description: e.target.value })}
          />
        )}
      </Field>
      <p id="description-count" className="count muted" aria-live={length > MAX_DESCRIPTION - 200 ? "polite" : "off"}>
        已输入 {length} / {MAX_DESCRIPTION} 字
      </p>
      <PhotoPicker photos={photos} error={errors.photos} onAdd={addPhoto} onRemove={removePhoto} />
    </>
  );
}

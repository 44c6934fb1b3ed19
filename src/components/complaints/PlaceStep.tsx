import type { FieldErrors } from "../../lib/complaints/api-error";
import { type Draft, pointCommunity } from "../../lib/complaints/draft";
import { Field } from "../forms/Field";
import { CommunitySelect } from "./CommunitySelect";
import { LocateButton } from "./LocateButton";

interface Props {
  draft: Draft;
  errors: FieldErrors;
  update: (change: Partial<Draft>) => void;
}

/**
 * Where the problem is: an address or landmark in words (always), and the community, from the
 * device's position or chosen from the list. A map picker, once a tile server is configured, is
 * one more source of `point` beside LocateButton; without one, no map is shown.
 */
export function PlaceStep({ draft, errors, update }: Props) {
  return (
    <>
      <Field
        id="address"
        label="地址或地标"
        hint="如“临河路与桂园街交叉口东北角”“丹枫公园南门”。公开时只显示到街道。"
        error={errors.addressText}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            autoComplete="off"
            maxLength={120}
            value={draft.addressText}
            onChange={(e) => update({ addressText: e.target.value })}
          />
        )}
      </Field>
      <LocateButton point={draft.point} error={errors.lat} onPoint={(point) => update({ point })} />
      {!pointCommunity(draft) && (
        <CommunitySelect
          value={draft.communityId}
          error={errors.communityId}
          onChange={(communityId) => update({ communityId })}
        />
      )}
    </>
  );
}

// The removal of a content item recorded without a referral (found gone, or the platform acted on its own):
// on the item, as a referral's removal is, with no referral named. An item already recorded as removed keeps
// its first record. Returns nothing for an unknown item.
MATCH (i:ContentItem {key: $key})
WITH i, i.removed_at IS NULL AS first
SET i.removed_at = CASE WHEN first THEN $at ELSE i.removed_at END,
    i.removed_recorded_by = CASE WHEN first THEN $by ELSE i.removed_recorded_by END,
    i.removal_note = CASE WHEN first THEN $note ELSE i.removal_note END
RETURN i.key AS key, first AS recorded, i.removed_at AS removed_at, i.removed_recorded_by AS recorded_by,
       i.removal_referral AS referral, i.removal_note AS note

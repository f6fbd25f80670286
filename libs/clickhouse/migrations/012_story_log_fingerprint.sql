-- The story index's fingerprint of each logged report (MinHash signature and term features, base64 of
-- little-endian uint32s), so that a worker rebuilding the index on start decodes it instead of normalising and
-- fingerprinting the whole window again. Rows written from now on leave `text` empty; older rows have only
-- `text`, and are fingerprinted from it as before.
ALTER TABLE story_log ADD COLUMN IF NOT EXISTS fingerprint String;

-- The audit head's signature: HMAC-SHA256 under the installation's audit key (audit.key in the data
-- directory, or CANDOR_AUDIT_KEY), so the chain cannot be rewritten or cut short by someone who can
-- write to the database but does not hold the key. NULL for heads written before signing existed.
ALTER TABLE audit_head ADD COLUMN mac TEXT;

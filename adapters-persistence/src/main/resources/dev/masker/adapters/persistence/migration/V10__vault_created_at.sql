-- The vault's retention purge (issue 13) finds rows stored before its cutoff by their time.
CREATE INDEX token_vault_created ON token_vault (created_at);

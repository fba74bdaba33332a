-- Interests a subject removed from their profile ("don't infer this about me").
ALTER TABLE preferences ADD COLUMN hidden TEXT NOT NULL DEFAULT '';

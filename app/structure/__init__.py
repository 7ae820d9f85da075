"""Text of a regulation -> its legal structure (see docs in README, "Parse schema")."""

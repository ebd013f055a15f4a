"""Pure rules with no I/O: drafts, limits, personal data, codes, working days."""

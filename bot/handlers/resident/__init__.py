"""The resident side (SPEC §3): writing feedback, following it up, rating the outcome."""

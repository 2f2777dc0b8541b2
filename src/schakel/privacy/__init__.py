"""Personal-data guard: find, mask and report personal data in free text."""

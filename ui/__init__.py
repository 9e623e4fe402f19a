"""Qt GUI of ITA Desktop: shows and edits what the core computes."""

"""pages of the ITA Desktop window."""

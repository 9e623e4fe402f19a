"""windows of the ITA Desktop window."""

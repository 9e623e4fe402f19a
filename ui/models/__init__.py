"""models of the ITA Desktop window."""

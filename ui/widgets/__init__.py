"""widgets of the ITA Desktop window."""

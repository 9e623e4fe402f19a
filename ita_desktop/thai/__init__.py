"""Thai text: digits, Buddhist-era dates, fiscal years, normalisation, word segmentation."""

"""Translation: argos zh->en packages run directly through CTranslate2, a cache, and a dictionary gloss."""

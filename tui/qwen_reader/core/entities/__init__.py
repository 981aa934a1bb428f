"""Named entities: people, organisations, products, places, dates and figures in news text."""

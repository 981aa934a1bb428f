"""Named entities: people, organisations, products, places, dates and figures, with canonical ids."""

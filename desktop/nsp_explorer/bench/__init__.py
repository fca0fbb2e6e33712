"""``nspx bench``: how fast the app is at the seed dataset and at synthetic 1 k to 1 M passages."""

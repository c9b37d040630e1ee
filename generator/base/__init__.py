"""Stage 0, base: the vocabulary every stage shares — problems and their kinds, Thai text
and dates, the HTML sanitiser, the link rule, the cache file. Imports no other stage."""

"""Stage 2, check: judge a loaded year against its catalogue — component by component,
period by period, file by file — into a YearReport; and estimate the OIT score."""

"""Stage 1, load: read site_config.yml, the catalogues, content/ and each year's data files
into frozen dataclasses, reporting every unreadable value as a located problem."""

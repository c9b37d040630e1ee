"""Prongsai (โปร่งใส): a static site generator for Thai local governments' ITA/OIT evidence."""

__version__ = "0.1.0"

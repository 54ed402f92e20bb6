"""Expectation worksheets: the framework turned into documents an engineer and manager fill in together."""

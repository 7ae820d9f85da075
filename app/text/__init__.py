"""Indonesian legal text handling shared by the parser and (later) search: clean-up and OCR repair."""

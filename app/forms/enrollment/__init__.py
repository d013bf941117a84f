"""The enrollment wizard (``wizard``) and its pages, one module each."""

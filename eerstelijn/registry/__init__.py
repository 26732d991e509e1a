"""Reading a data directory into a Registry: the readers, schema validation and the cache.

`load.py` is the entry point; `outcome.py` runs `check` on a directory with its outcome cached.
"""

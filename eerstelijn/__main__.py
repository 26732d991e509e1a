"""`python -m eerstelijn` runs the command line."""

from eerstelijn.cli import main

main()

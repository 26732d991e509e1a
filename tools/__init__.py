"""Scripts for the project's own upkeep, kept out of the installed package."""

"""The command modules of the clairlib command line."""

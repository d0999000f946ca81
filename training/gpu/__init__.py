"""A time-boxed training run on a lent GPU machine, and what travels with it (training/README.md, "A GPU run")."""

"""`python -m kg`: the kg command."""
from .cli import main

main(prog_name="kg")

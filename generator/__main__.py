"""`python -m generator` is the `prongsai` command."""

from generator.commands.cli import main

if __name__ == "__main__":
    main()
